# hygiene family: asserts in a test file are the idiom: no KR901/KR902.
def test_login(user):
    assert user.is_authenticated
    assert 1 + 1 == 2
