# network family: clear-text protocols, urlopen, SSH host keys, SNMP, logging.
import ftplib  # expect: KR521
import telnetlib  # expect: KR520
import logging.config
import urllib.request
from urllib.request import urlopen as uo, Request
from ftplib import FTP_TLS  # expect: KR521
import paramiko
from paramiko import AutoAddPolicy
from pysnmp.hlapi import CommunityData, UsmUserData
import pyghmi.ipmi  # expect: KR522

SITE = "https://example.org/feed"


def clear_text(host):
    telnetlib.Telnet(host)  # expect: KR512
    ftplib.FTP(host)  # expect: KR513
    FTP_TLS(host)


def urls(url):
    urllib.request.urlopen(url)  # expect: KR511
    uo("file:///etc/passwd")  # expect: KR511
    urllib.request.urlretrieve(url, "out.bin")  # expect: KR511
    urllib.request.urlopen(Request(url))  # expect: KR511
    urllib.request.URLopener()  # expect: KR511
    urllib.request.urlopen("https://example.org/")
    urllib.request.urlopen(SITE)
    urllib.request.urlopen(Request("http://example.org/api"))
    urllib.request.urlopen("https://example.org/items/" + url)
    urllib.request.urlopen(f"https://example.org/items/{url}")
    urllib.request.urlopen(url + "https://")  # expect: KR511


def ssh(host, client):
    c = paramiko.SSHClient()
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # expect: KR507
    c.set_missing_host_key_policy(AutoAddPolicy)  # expect: KR507
    client.set_missing_host_key_policy(paramiko.WarningPolicy())  # expect: KR507
    c.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.set_missing_host_key_policy(MyPolicy())


class MyPolicy:
    pass


def snmp(user, auth, priv):
    CommunityData("public", mpModel=0)  # expect: KR508
    CommunityData("public")  # expect: KR508
    UsmUserData(user)  # expect: KR509
    UsmUserData(user, auth)  # expect: KR509
    UsmUserData(user, auth, priv)
    UsmUserData(user, authKey=auth, privKey=priv)


def log_server(check):
    logging.config.listen(9999)  # expect: KR517
    logging.config.listen(9999, verify=check)
    logging.config.listen(9999, check)
