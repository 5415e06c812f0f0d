global match, case, type, _
