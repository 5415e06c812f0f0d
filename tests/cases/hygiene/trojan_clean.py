# hygiene family: escapes of bidi characters are fine.
RLO = "\u202e"
hebrew = "שלום"
