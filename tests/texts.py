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

# Real text in several scripts (as str: each test encodes it the way it needs). Every one must
# survive any encoding that can hold it, forced or detected; none is English-only ASCII.
SCRIPTS = {
    "english": (
        "It was the best of times, it was the worst of times, it was the age of wisdom, it "
        "was the age of foolishness.\n\nShe smiled \u2014 \u201cI love it,\u201d she said.\n"
    ),
    "russian": (
        "Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива "
        "по-своему. Всё смешалось в доме Облонских. Жена узнала, что муж был в связи с "
        "бывшею в их доме француженкою-гувернанткой.\n\nОна плакала весь вечер. Он молчал.\n"
    ),
    "greek": (
        "Ήταν ένα όμορφο πρωί και ο ήλιος έλαμπε πάνω από τη θάλασσα. Η μητέρα του "
        "χαμογέλασε και είπε ότι όλα θα πάνε καλά. Αλλά εκείνος ήταν λυπημένος και δεν "
        "μπορούσε να ξεχάσει τον φίλο του.\n\nΤο βράδυ έβρεχε πολύ.\n"
    ),
    "chinese": (
        "今天 天气 很好 。 我们 去 公园 散步 , 看到 很多 孩子 在 玩 。\n\n"
        "她 很 高兴 , 但是 他 很 难过 。 他们 一起 回家 了 。\n"
        "第二天 下雨 了 , 大家 都 留在 家里 看书 。\n"
    ),
    "japanese": (
        "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。"
        "何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。\n\n"
        "吾輩はここで始めて人間というものを見た。しかもあとで聞くとそれは書生という人間中で"
        "一番獰悪な種族であったそうだ。\n"
    ),
}
# The legacy encodings each of SCRIPTS was commonly stored in.
LEGACY_ENCODINGS = {
    "english": ["cp1252", "mac_roman"],
    "russian": ["cp1251", "koi8_r", "cp866"],
    "greek": ["cp1253"],
    "chinese": ["gb18030"],
    "japanese": ["shift_jis", "euc_jp"],
}
# The invisible format characters arc removes: zero-width space, joiners and marks,
# bidirectional embeddings, overrides and isolates, word joiner and invisible operators,
# a byte order mark inside the text, the soft hyphen, the Arabic letter mark.
INVISIBLE = (
    [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2060, 0x2065)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\ufeff", "\u00ad", "\u061c"]
)
