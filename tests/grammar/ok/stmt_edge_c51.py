from .. a import b
