# xml family: XML-RPC made safe with defusedxml: no finding.
import xmlrpc.client
from defusedxml import xmlrpc as defused_xmlrpc

defused_xmlrpc.monkey_patch()
proxy = xmlrpc.client.ServerProxy("https://example.org/rpc")
