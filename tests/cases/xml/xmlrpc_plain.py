# xml family: XML-RPC without defusedxml.
import xmlrpc.client  # expect: KR811
from xmlrpc.server import SimpleXMLRPCServer  # expect: KR811

proxy = xmlrpc.client.ServerProxy("https://example.org/rpc")
server = SimpleXMLRPCServer(("127.0.0.1", 8000))
