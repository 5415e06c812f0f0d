# hygiene family: Trojan Source (one finding per file, at the first character).
access_level = "user"
if access_level != "none‮⁦":  # Check if admin⁩ ⁦  # expect: KR913
    print("You are an admin.")
note = "‮"
