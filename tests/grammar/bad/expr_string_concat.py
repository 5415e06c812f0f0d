"a" x "b"
