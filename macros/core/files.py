"""Every project file is read here, once, and decoded the same way.

Editors on Windows save files in GBK (Notepad, WPS) as often as in UTF-8; a file in another
encoding must be named with the encoding found and how to convert it (`make fix-encoding`), not
crash the build with a UnicodeDecodeError that names nothing. A UTF-8 byte-order mark is
accepted silently. A file that is not text at all is named and skipped.

ProjectFiles keeps what it has read, so loading the site reads each file once however many
parts of the engine look at it; `reads` counts the reads (a test holds it to one per file)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .errors import ContentError

_BOM = b"\xef\xbb\xbf"
# what charset-normalizer calls the encodings editors in China save in, as editors know them
_ENCODING_NAMES = {
    "gb18030": "GBK/GB18030",
    "gbk": "GBK",
    "gb2312": "GB2312",
    "big5": "Big5",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16",
    "utf_16_be": "UTF-16",
}


class NotText(ContentError):
    """A binary file where text belongs (a .docx renamed .md, an image)."""


class WrongEncoding(ContentError):
    """Text in an encoding other than UTF-8; `encoding` is the codec that reads it."""

    def __init__(self, path: Path | str, encoding: str):
        self.encoding = encoding
        shown = _ENCODING_NAMES.get(encoding.lower().replace("-", "_"), encoding.upper())
        super().__init__(
            path,
            f"文件不是 UTF-8 编码（看起来是 {shown}），无法读取。请运行 make fix-encoding"
            f"（先列出要转换的文件，确认后转成 UTF-8），或在编辑器里“另存为 UTF-8”",
        )


def guess_encoding(raw: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8, or None when they are not text at all.
    Editors here save in GBK (Windows' “ANSI” on a mainland Chinese system) far more often
    than in anything else, so GBK is tried first, strictly (GB2312 is part of it). Big5 bytes
    would decode as GBK too; a Big5 file is rare here, and `make fix-encoding` shows each file's
    first lines as it would read them before converting anything."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf_16"
    if b"\x00" in raw:
        return None
    try:
        text = raw.decode("gb18030")
        if not any(ord(ch) < 32 and ch not in "\t\r\n\f" for ch in text):
            return "gbk"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # anything else: the library's best guess

    best = from_bytes(raw).best()
    return best.encoding if best is not None else None


def decode(raw: bytes, path: Path | str) -> str:
    """UTF-8 (with or without BOM) → str; anything else raises WrongEncoding or NotText."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        pass
    encoding = guess_encoding(raw)
    if encoding is None:
        raise NotText(
            path, "不是文本文件（可能是 Word 文档、图片或损坏的文件），已跳过；请删除它，或换成 UTF-8 编码的文本"
        )
    raise WrongEncoding(path, encoding)


class ProjectFiles:
    """Read-once access to the project's text files."""

    def __init__(self) -> None:
        self._text: dict[Path, str] = {}
        self._errors: dict[Path, ContentError] = {}
        self.reads: Counter[Path] = Counter()

    def text(self, path: Path) -> str:
        """The file's text; raises ContentError (WrongEncoding, NotText) for a file that is not UTF-8 text."""
        key = Path(path).resolve()
        if key in self._errors:
            raise self._errors[key]
        if key not in self._text:
            self.reads[key] += 1
            try:
                self._text[key] = decode(key.read_bytes(), path)
            except ContentError as e:
                self._errors[key] = e
                raise
        return self._text[key]

    def exists(self, path: Path) -> bool:
        return Path(path).resolve() in self._text or Path(path).is_file()
