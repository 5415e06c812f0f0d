# xml family: aliases, shadowing and suppression.
from xml.etree.ElementTree import fromstring as parse_xml  # expect: KR805
from xml.dom import minidom as md  # expect: KR808


def aliased(text):
    parse_xml(text)  # expect: KR814
    md.parseString(text)  # expect: KR818
    p = md.parse
    p(text)  # expect: KR818


def shadowed(text, minidom):
    minidom.parseString(text)


def suppressed(text):
    parse_xml(text)  # nosec  # expect-suppressed: KR814
