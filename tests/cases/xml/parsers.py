# xml family: stdlib parsers and their imports.
import xml.etree.ElementTree as ET  # expect: KR805
import xml.etree.cElementTree as cET  # expect: KR805
from xml.dom import minidom  # expect: KR808
import xml.dom.pulldom  # expect: KR809
import xml.sax  # expect: KR806
from xml.dom.expatbuilder import parseString as eb_parse  # expect: KR807
import xml.sax.expatreader  # expect: KR806
from lxml import etree
import defusedxml.ElementTree as DET


def parse_all(path, text):
    ET.parse(path)  # expect: KR814
    ET.fromstring(text)  # expect: KR814
    ET.iterparse(path)  # expect: KR814
    ET.XMLParser()  # expect: KR814
    cET.parse(path)  # expect: KR813
    minidom.parseString(text)  # expect: KR818
    xml.dom.pulldom.parse(path)  # expect: KR819
    xml.sax.parseString(text, None)  # expect: KR817
    xml.sax.make_parser()  # expect: KR817
    eb_parse(text)  # expect: KR816
    xml.sax.expatreader.create_parser()  # expect: KR815
    etree.XMLParser(resolve_entities=True)  # expect: KR820
    etree.XMLParser(no_network=False)  # expect: KR820
    etree.XMLParser(huge_tree=True)  # expect: KR820


def safe(path, text, doc):
    DET.parse(path)
    DET.fromstring(text)
    ET.tostring(doc)
    ET.Element("root")
    etree.XMLParser(resolve_entities=False)
    etree.fromstring(text)
    doc.parse(path)


def sax_features(handler):
    from xml.sax.handler import feature_external_ges, feature_namespaces  # expect: KR806
    parser = xml.sax.make_parser()  # expect: KR817
    parser.setFeature(feature_external_ges, True)  # expect: KR821
    parser.setFeature("http://xml.org/sax/features/external-parameter-entities", 1)  # expect: KR821
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
