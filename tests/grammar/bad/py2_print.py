import sys

def main():
    print "hello"
