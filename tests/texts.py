"""Shared edge-case texts (as bytes, the way files hold them)."""

STORY = (
    "A/N: Thanks for reading my first story!\n\n"
    "The Long Road Home\n\n"
    "She hated the rain. It soaked her coat and\nruined her shoes.\n\n"
    "But then the sun came out, and she laughed with joy.\n\n"
    "The End"
)
EMPTY = b""
WHITESPACE = b"  \n\t\n   \r\n"
NO_LETTERS = b"1234 5678 !!! ??? --- 42\n\n3.14159\n"
BINARY = bytes(range(256)) * 8
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(200)
CP1252 = (
    "\u201cI love it,\u201d she said \u2014 na\u00efve, happy.\r\n\r\nThe caf\u00e9 was awful."
).encode("cp1252")
LATIN1 = (
    "Na\u00efve h\u00e9ros smiled. The \u00e9t\u00e9 was wonderful.\n\nThen all was lost."
).encode("latin-1")
UTF16 = STORY.encode("utf-16")  # with BOM
UTF8_BOM = b"\xef\xbb\xbf" + STORY.encode("utf-8")
CRLF = STORY.replace("\n", "\r\n").encode("utf-8")
CR = STORY.replace("\n", "\r").encode("utf-8")
NBSP = "She smiled.\u00a0\n\nHe wept bitterly.\u00a0".encode()
NO_BLANK_LINES = b"I love this.\nI hate that.\nIt is fine.\n"
