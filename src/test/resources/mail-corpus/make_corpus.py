#!/usr/bin/env python3
"""Writes the labelled mail corpus of the email channel (issue 25): one .eml per mail, as the usual mail
programs write them (Outlook desktop and mobile, Gmail web and Android, Thunderbird, iPhone Mail, Yahoo,
Zimbra, old Outlook Express with TCVN3 fonts, robots), and labels.json with what a careful clerk expects of
each, field by field. The texts are written by hand; this script only lays them out as each program does.

    python3 src/test/resources/mail-corpus/make_corpus.py      (rewrites the .eml files and labels.json)

Fields of a label (null: the field does not apply to this mail and is not counted):
  action       what becomes of the mail: CASE_OPENED, DUPLICATE, SUPPLEMENT_ADDED, WITHDRAWAL_REQUESTED,
               NOT_ANSWERED, OUT_OF_SCOPE, QUARANTINED; with "case" naming the corpus mail whose case it
               must act on (a resend, a reply)
  title        the case's title; one ending in "…" is a prefix (a subject longer than a title)
  text         words the case's content must contain
  contact      the submitter's name on the case
  phone        the submitter's phone on the case ("" when the mail gives none)
  attachments  the files the case must hold (exactly, for a new case; at least, for a supplement)
  answer       the hub's answers threaded onto this mail (templates), [] for none
Every fourth mail of each class (the 4th, 8th, ...) is set aside ("aside": true) and reported apart.
"""
import base64
import hashlib
import io
import json
import os
import quopri
import subprocess
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HUB = "pakn@paknskgp.local"


def stable(s):
    """A hash that is the same at every run (Python's own is salted per process)."""
    return int(hashlib.md5(s.encode("utf-8")).hexdigest()[:15], 16)

# --- small files people attach ---------------------------------------------------------------------------
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
JPG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + bytes(64) + bytes.fromhex("ffd9")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(48) + b"This program cannot be run in DOS mode."


def docx(text):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>' + text + '</w:t></w:r></w:p></w:body></w:document>')
    return out.getvalue()


# --- encodings ----------------------------------------------------------------------------------------------
def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


def b64(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return crlf(base64.encodebytes(data).decode())


def qp(text, charset="utf-8"):
    data = text.replace("\r\n", "\n").encode(charset)
    return crlf(quopri.encodestring(data).decode("ascii"))


def ew(s, charset="UTF-8", q=False):
    """An RFC 2047 encoded word when needed, as mail programs write them."""
    if all(ord(c) < 128 for c in s):
        return s
    if q:
        raw = s.encode(charset)
        body = "".join(chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else ("_" if b == 32 else "=%02X" % b) for b in raw)
        return "=?%s?Q?%s?=" % (charset, body)
    return "=?%s?B?%s?=" % (charset, base64.b64encode(s.encode(charset)).decode())


def ew_folded(s):
    """A long subject as Outlook and Gmail fold it: several B-encoded words of whole characters."""
    words, cur = [], ""
    for ch in s:
        if len((cur + ch).encode("utf-8")) > 45:
            words.append(cur)
            cur = ""
        cur += ch
    words.append(cur)
    return "\r\n ".join("=?UTF-8?B?%s?=" % base64.b64encode(w.encode()).decode() for w in words)


def rfc2231(name):
    from urllib.parse import quote
    return "UTF-8''" + quote(name.encode("utf-8"), safe="")


def cp1258(text):
    """Windows-1258 as Vietnamese Windows writes it: tone marks as separate combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append(base + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


def tcvn3(text):
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode("utf-8"), capture_output=True, check=True).stdout


def mime_name(name, style):
    if all(ord(c) < 128 for c in name):
        return 'name="%s"' % name, 'filename="%s"' % name
    if style in ("thunderbird", "apple"):
        return "name*=" + rfc2231(name), "filename*=" + rfc2231(name)
    return 'name="%s"' % ew(name), 'filename="%s"' % ew(name)


def attachment(name, data, ctype, style):
    n, f = mime_name(name, style)
    if style == "outlook":
        return ("Content-Type: %s; %s\r\nContent-Description: %s\r\nContent-Disposition: attachment; %s; size=%d;\r\n"
                "\tcreation-date=\"Mon, 23 Nov 2026 02:11:05 GMT\";\r\n\tmodification-date=\"Mon, 23 Nov 2026 02:11:05 GMT\"\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\n" % (ctype, n, ew(name), f, len(data))) + b64(data)
    if style == "apple":
        return ("Content-Type: %s;\r\n\tx-unix-mode=0644;\r\n\t%s\r\nContent-Disposition: attachment;\r\n\t%s\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\n" % (ctype, n, f)) + b64(data)
    if style == "thunderbird":
        return ("Content-Type: %s; %s\r\nContent-Disposition: attachment; %s\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                % (ctype, n, f)) + b64(data)
    aid = "f_m%x" % (stable(name) % 0xFFFFFFF)
    return ("Content-Type: %s; %s\r\nContent-Disposition: attachment; %s\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-ID: <%s>\r\nX-Attachment-Id: %s\r\n\r\n" % (ctype, n, f, aid, aid)) + b64(data)


def multipart(subtype, boundary, parts, preamble=""):
    s = preamble
    for p in parts:
        head, _, body = p.partition("\r\n\r\n")
        s += "--" + boundary + "\r\n" + head + "\r\n\r\n" + body.rstrip("\r\n") + "\r\n"
    return s + "--" + boundary + "--\r\n"


def html_of(text):
    lines = text.replace("\r\n", "\n").split("\n")
    return "".join("<div>%s</div>" % (l.replace("&", "&amp;").replace("<", "&lt;") if l else "<br>") for l in lines)


# --- the mail programs --------------------------------------------------------------------------------------
def files_of(atts, style):
    return [attachment(n, d, t, style) for (n, d, t) in atts]


def outlook(m):
    b = "_000_%s_" % m["tag"]
    alt = multipart("alternative", b, [
        'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + b64(crlf(m["body"])),
        'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + b64('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body lang="EN-US">'
              + html_of(m["body"]) + "</body></html>")])
    head = ("From: %s <%s>\r\nTo: \"%s\" <%s>\r\nSubject: %s\r\nThread-Topic: %s\r\nThread-Index: AdtJ%sQ==\r\n"
            "Date: %s\r\nMessage-ID: %s\r\n%sAccept-Language: vi-VN, en-US\r\nContent-Language: vi-VN\r\n"
            "X-MS-Has-Attach: %s\r\nX-MS-TNEF-Correlator: \r\n%s" % (
                ew(m["name"]), m["addr"], HUB, HUB, ew_folded(m["subject"]), ew_folded(m["subject"]), m["tag"][:10],
                m["date"], m["id"], m.get("threading", ""), "yes" if m.get("atts") else "", m.get("extra", "")))
    if m.get("atts"):
        b2 = "_004_%s_" % m["tag"]
        body = multipart("mixed", b2, ['Content-Type: multipart/alternative;\r\n\tboundary="%s"\r\n\r\n' % b + alt]
                         + files_of(m["atts"], "outlook"))
        return head + 'Content-Type: multipart/mixed;\r\n\tboundary="%s"\r\nMIME-Version: 1.0\r\n\r\n' % b2 + body
    return head + 'Content-Type: multipart/alternative;\r\n\tboundary="%s"\r\nMIME-Version: 1.0\r\n\r\n' % b + alt


def gmail(m, signature=""):
    text = m["body"] + signature
    b = "0000000000%s" % m["tag"][:16]
    alt = multipart("alternative", b, [
        'Content-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + qp(text),
        'Content-Type: text/html; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        + qp('<div dir="ltr">' + html_of(text) + "</div>")])
    head = ("MIME-Version: 1.0\r\nDate: %s\r\nMessage-ID: %s\r\n%sSubject: %s\r\nFrom: %s <%s>\r\nTo: %s\r\n%s" % (
        m["date"], m["id"], m.get("threading", ""), ew_folded(m["subject"]), ew(m["name"]), m["addr"], HUB, m.get("extra", "")))
    if m.get("atts"):
        b2 = "0000000000%s" % ("%016x" % stable(m["tag"] + "mixed"))
        return head + 'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n' % b2 + multipart(
            "mixed", b2, ['Content-Type: multipart/alternative; boundary="%s"\r\n\r\n' % b + alt] + files_of(m["atts"], "gmail"))
    return head + 'Content-Type: multipart/alternative; boundary="%s"\r\n\r\n' % b + alt


def android(m):
    return gmail(m, "\n\nGửi từ điện thoại Android của tôi")


def thunderbird(m):
    head = ("Message-ID: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\nUser-Agent: Mozilla Thunderbird\r\nContent-Language: vi\r\n"
            "To: %s\r\n%sFrom: %s <%s>\r\nSubject: %s\r\n%s" % (m["id"], m["date"], HUB, m.get("threading", ""), ew(m["name"]),
                                                               m["addr"], ew_folded(m["subject"]), m.get("extra", "")))
    text = ("Content-Type: text/plain; charset=UTF-8; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + crlf(m["body"]) + "\r\n")
    if m.get("atts"):
        b = "------------%s" % m["tag"][:24]
        return head + 'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n' % b + multipart(
            "mixed", b, [text] + files_of(m["atts"], "thunderbird"), "This is a multi-part message in MIME format.\r\n")
    return head + text


def iphone(m, signature="\n\nGửi từ iPhone của tôi"):
    text = m["body"] + signature
    head_tail = ("From: %s <%s>\r\nMime-Version: 1.0 (1.0)\r\nSubject: %s\r\nDate: %s\r\n%sMessage-Id: %s\r\nTo: %s\r\n"
                 "X-Mailer: iPhone Mail (22B83)\r\n%s" % (ew(m["name"]), m["addr"], ew_folded(m["subject"]), m["date"],
                                                          m.get("threading", ""), m["id"], HUB, m.get("extra", "")))
    plain = "Content-Type: text/plain;\r\n\tcharset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp(text)
    if m.get("atts"):
        b = "Apple-Mail-%s" % m["tag"][:20].upper()
        return ('Content-Type: multipart/mixed; boundary="%s"\r\nContent-Transfer-Encoding: 7bit\r\n' % b + head_tail
                + "\r\n" + multipart("mixed", b, [plain] + files_of(m["atts"], "apple")))
    return plain.split("\r\n\r\n", 1)[0] + "\r\n" + head_tail + "\r\n" + plain.split("\r\n\r\n", 1)[1] + "\r\n"


def outlook_mobile(m):
    return gmail(dict(m, extra=m.get("extra", "") + "X-Mailer: Outlook for Android\r\n"),
                 "\n\nTải Outlook cho Android<https://aka.ms/AAb9ysg>")


def yahoo(m):
    b = "----=_Part_%s" % m["tag"][:12]
    head = ("Date: %s\r\nFrom: %s <%s>\r\nReply-To: %s <%s>\r\nTo: \"%s\" <%s>\r\nMessage-ID: %s\r\n%sSubject: %s\r\n"
            "MIME-Version: 1.0\r\nX-Mailer: WebService/1.1.23187 YMailNorrin\r\n%s" % (
                m["date"], ew(m["name"]), m["addr"], ew(m["name"]), m["addr"], HUB, HUB, m["id"], m.get("threading", ""),
                ew(m["subject"]), m.get("extra", "")))
    alt = multipart("alternative", b, [
        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp(m["body"]),
        "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp('<html><head></head><body><div class="ydp" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:13px;">'
             + html_of(m["body"]) + "</div></body></html>")])
    return head + 'Content-Type: multipart/alternative; boundary="%s"\r\n\r\n' % b + alt


def zimbra(m):
    b = "=_%s" % m["tag"][:20]
    head = ("Date: %s\r\nFrom: %s <%s>\r\nTo: %s\r\nMessage-ID: %s\r\n%sSubject: %s\r\nMIME-Version: 1.0\r\n"
            "X-Mailer: Zimbra 8.8.15_GA_4581 (ZimbraWebClient - GC131 (Win)/8.8.15_GA_4581)\r\nThread-Index: %s\r\n"
            "Thread-Topic: %s\r\n%s" % (m["date"], ew(m["name"]), m["addr"], HUB, m["id"], m.get("threading", ""),
                                         ew(m["subject"]), m["tag"][:14], ew(m["subject"]), m.get("extra", "")))
    alt = multipart("alternative", b + "alt", [
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp(m["body"]),
        "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp('<html><body><div style="font-family: times new roman, new york, times, serif; font-size: 12pt; color: #000000">'
             + html_of(m["body"]) + "</div></body></html>")])
    if m.get("atts"):
        return head + 'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n' % b + multipart(
            "mixed", b, ['Content-Type: multipart/alternative; boundary="%salt"\r\n\r\n' % b + alt] + files_of(m["atts"], "gmail"))
    return head + 'Content-Type: multipart/alternative; boundary="%salt"\r\n\r\n' % b + alt


CLIENTS = {"outlook": outlook, "gmail": gmail, "android": android, "thunderbird": thunderbird, "iphone": iphone,
           "outlook-mobile": outlook_mobile, "yahoo": yahoo, "zimbra": zimbra}

MAILS = []


def add(cls, slug, raw, expect):
    MAILS.append({"cls": cls, "slug": slug, "raw": raw if isinstance(raw, bytes) else raw.encode("utf-8"), "expect": expect})


def person(cls, slug, client, name, addr, subject, body, date, atts=None, extra="", threading="", **expect):
    tag = ("%08x" % (stable(slug) % (1 << 32))) * 4
    mid = {"outlook": "<SEZPR06MB%s@SEZPR06MB%s.apcprd06.prod.outlook.com>" % (tag[:12].upper(), tag[12:16].upper()),
           "gmail": "<CA%s+%s@mail.gmail.com>" % (tag[:14], tag[14:24]),
           "android": "<CA%s=%s@mail.gmail.com>" % (tag[:14], tag[14:24]),
           "thunderbird": "<%s-%s-%s@%s>" % (tag[:8], tag[8:12], tag[12:16], addr.split("@")[1]),
           "iphone": "<%s-%s-%s@%s>" % (tag[:8].upper(), tag[8:12].upper(), tag[12:24].upper(), addr.split("@")[1]),
           "outlook-mobile": "<TY0PR0%s@TY0PR0%s.apcprd02.prod.outlook.com>" % (tag[:12].upper(), tag[12:16].upper()),
           "yahoo": "<%s.%s@mail.yahoo.com>" % (int(tag[:8], 16), int(tag[8:16], 16)),
           "zimbra": "<%s.%s.%s.JavaMail.zimbra@%s>" % (int(tag[:6], 16), int(tag[6:10], 16), int(tag[10:16], 16), addr.split("@")[1])}[client]
    m = {"tag": tag, "name": name, "addr": addr, "subject": subject, "body": body, "date": date, "id": mid,
         "atts": atts or [], "extra": extra, "threading": threading}
    e = {"action": "CASE_OPENED", "title": subject, "text": None, "contact": name, "phone": "",
         "attachments": [a[0] for a in (atts or [])], "answer": ["mail-received"]}
    e.update(expect)
    add(cls, slug, CLIENTS[client](m), e)
    MAILS[-1]["messageId"] = mid
    return mid


def refers(mid):
    return "In-Reply-To: %s\r\nReferences: %s\r\n" % (mid, mid)


NA = {"title": None, "text": None, "contact": None, "phone": None, "attachments": None}

# === A. Items as people write them, from each mail program ======================================================
person("plain", "outlook-chu-ky-so", "outlook", "Nguyễn Thị Thu Hà", "thuha.nguyen@vnpt-hn.example.vn",
       "Kiến nghị về chữ ký số cho người cao tuổi",
       "Kính gửi Bộ Khoa học và Công nghệ,\n\nTôi là Nguyễn Thị Thu Hà, cán bộ hưu trí. Hiện nay nhiều thủ tục trực tuyến yêu cầu "
       "chữ ký số nhưng người cao tuổi rất khó tự cài đặt và gia hạn. Tôi kiến nghị Bộ có hướng dẫn đơn giản và điểm hỗ trợ "
       "trực tiếp tại phường cho người cao tuổi.\n\nNội dung chi tiết xin gửi kèm.\n\nTrân trọng,\nNguyễn Thị Thu Hà\n"
       "Địa chỉ: Số 18 ngõ 72 phố Tôn Thất Tùng, phường Kim Liên, quận Đống Đa, Hà Nội\nĐT: 0913 246 357",
       "Mon, 23 Nov 2026 09:12:44 +0000", atts=[("Kiến nghị chữ ký số.pdf", PDF, "application/pdf")],
       text="điểm hỗ trợ trực tiếp tại phường", phone="0913246357")
person("plain", "gmail-api-xe-buyt", "gmail", "Phạm Quốc Bảo", "baopq.hcm@gmail.com",
       "Đề xuất mở API dữ liệu giao thông công cộng TP.HCM",
       "Kính gửi Ban Chỉ đạo,\n\nTôi là lập trình viên, đề xuất Thành phố công khai API thời gian thực vị trí xe buýt và "
       "lịch chạy theo chuẩn GTFS để cộng đồng xây dựng ứng dụng hỗ trợ người dân.\n\nTrân trọng,\n"
       "Phạm Quốc Bảo, 214 Nguyễn Văn Cừ, phường 4, quận 5, TP. Hồ Chí Minh, 0908 765 432",
       "Mon, 23 Nov 2026 20:41:09 +0700", text="chuẩn GTFS", phone="0908765432")
person("plain", "thunderbird-mnm-ptn", "thunderbird", "Lê Minh Tuấn", "tuan.lm@hust.example.edu.vn",
       "Sáng kiến phần mềm mã nguồn mở quản lý phòng thí nghiệm",
       "Kính gửi Bộ Khoa học và Công nghệ,\n\nNhóm nghiên cứu chúng tôi xin giới thiệu sáng kiến phần mềm mã nguồn mở quản lý "
       "thiết bị và lịch sử dụng phòng thí nghiệm dùng chung, đã chạy thử tại trường từ năm 2025. Đề nghị Bộ xem xét nhân rộng "
       "cho các viện, trường công lập.\n\nThuyết minh sáng kiến gửi kèm.\n\n-- \nTS. Lê Minh Tuấn\nViện Công nghệ thông tin và "
       "Truyền thông\nĐịa chỉ: số 1 Đại Cồ Việt, phường Bách Khoa, quận Hai Bà Trưng, Hà Nội\nĐiện thoại: 024 3869 2463",
       "Tue, 24 Nov 2026 08:02:31 +0700", atts=[("Thuyết minh sáng kiến.docx", docx("Thuyết minh sáng kiến"),
                                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document")],
       text="phòng thí nghiệm dùng chung", phone="02438692463")
person("plain", "iphone-smartcity", "iphone", "Đinh Thị Mai", "dinhmai.dn@icloud.com",
       "Ứng dụng Đà Nẵng Smartcity không đăng nhập được",
       "Kính gửi Sở Thông tin và Truyền thông Đà Nẵng,\n\nTừ ngày 20/11 tôi không đăng nhập được ứng dụng Đà Nẵng Smartcity, báo "
       "lỗi mất kết nối máy chủ. Tôi phản ánh để Sở kiểm tra khắc phục. Ảnh chụp màn hình gửi kèm.\n\nĐinh Thị Mai\n"
       "Tổ 5, phường Hòa Khánh Bắc, quận Liên Chiểu, Đà Nẵng\n0935 112 233",
       "Tue, 24 Nov 2026 12:31:05 +0700", atts=[("IMG_4821.jpg", JPG, "image/jpeg")], text="mất kết nối máy chủ",
       phone="0935112233")
person("plain", "android-4g-sin-chai", "android", "Vàng A Sử", "vangasu1990@gmail.com",
       "Đề nghị phủ sóng 4G cho bản Sin Chải",
       "Kính gửi các cơ quan chức năng,\n\nBản Sin Chải chưa có sóng điện thoại 4G, học sinh không học trực tuyến được, người dân "
       "phải đi 5 km mới gọi được điện. Đề nghị các nhà mạng lắp trạm phát sóng cho bản.\n\nVàng A Sử\n"
       "Địa chỉ: bản Sin Chải, xã Sín Chải, huyện Tủa Chùa, tỉnh Điện Biên\nSĐT 0387 654 321",
       "Tue, 24 Nov 2026 06:15:40 +0700", text="lắp trạm phát sóng", phone="0387654321")
person("plain", "outlook-mobile-sandbox", "outlook-mobile", "Hoàng Anh Dũng", "dung.ha@fintech.example.com.vn",
       "Góp ý dự thảo quy định thử nghiệm có kiểm soát fintech",
       "Kính gửi Ngân hàng Nhà nước và Bộ Khoa học và Công nghệ,\n\nCông ty tôi góp ý dự thảo cơ chế thử nghiệm có kiểm soát: "
       "thời gian thử nghiệm 2 năm là quá ngắn với giải pháp cho vay ngang hàng, đề nghị cho phép gia hạn thêm 1 năm.\n\n"
       "Hoàng Anh Dũng\nGiám đốc, Công ty CP Công nghệ Tài chính Sao Việt\n25 Láng Hạ, phường Thành Công, quận Ba Đình, Hà Nội\n"
       "+84 98 765 4321", "Wed, 25 Nov 2026 07:48:12 +0700", text="cho phép gia hạn thêm 1 năm", phone="0987654321")
person("plain", "yahoo-san-tmdt", "yahoo", "Trương Văn Lực", "truongvanluc@yahoo.com.vn",
       "Kiến nghị hỗ trợ nông dân bán hàng trên sàn thương mại điện tử",
       "Kính gửi Bộ Công Thương,\n\nTôi kiến nghị Bộ tổ chức lớp hướng dẫn nông dân đưa sản phẩm OCOP lên sàn thương mại điện tử "
       "và hỗ trợ phí vận chuyển năm đầu.\n\nTrương Văn Lực\nấp 3, xã Tân Phú, huyện Cai Lậy, tỉnh Tiền Giang\nĐT: 0989.123.456",
       "Wed, 25 Nov 2026 10:20:00 +0700", text="sản phẩm OCOP", phone="0989123456")
person("plain", "zimbra-so-tttt", "zimbra", "Văn phòng Sở Thông tin và Truyền thông Quảng Nam", "vanphong@stttt.quangnam.example.gov.vn",
       "Kiến nghị bổ sung kinh phí chuyển đổi số cấp xã",
       "Kính gửi Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số,\n\n"
       "Sở Thông tin và Truyền thông tỉnh Quảng Nam kiến nghị bổ sung kinh phí cho tổ công nghệ số cộng đồng cấp xã ở các huyện "
       "miền núi (công văn gửi kèm).\n\nVăn phòng Sở\nĐịa chỉ: 62 Hùng Vương, phường Tân Thạnh, thành phố Tam Kỳ, tỉnh Quảng Nam\n"
       "Điện thoại: (0235) 3812 345", "Wed, 25 Nov 2026 14:05:33 +0700",
       atts=[("Cong van 1234-STTTT.pdf", PDF, "application/pdf")], text="tổ công nghệ số cộng đồng", phone="02353812345")

# === B. Charset traps ===============================================================================================
def legacy(slug, name_ascii, addr, subject_bytes_header, body_bytes, charset_label, date, mid, mailer):
    ct = "Content-Type: text/plain" + ("; charset=%s" % charset_label if charset_label else "") + "\r\n"
    head = ("From: %s <%s>\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: %s\r\nMIME-Version: 1.0\r\n%s"
            "Content-Transfer-Encoding: 8bit\r\nX-Mailer: %s\r\n\r\n" % (name_ascii, addr, HUB, subject_bytes_header, date, mid, ct, mailer))
    return head.encode("ascii") + body_bytes


body_iot = ("Kính gửi Bộ Nông nghiệp và Môi trường,\n\nTôi đề xuất hỗ trợ nông dân trồng cà phê ứng dụng cảm biến độ ẩm đất và "
            "hệ thống tưới tự động để tiết kiệm nước trong mùa khô.\n\nTrần Văn Cường\nĐịa chỉ: thôn 4, xã Ea Tu, thành phố Buôn Ma "
            "Thuột, tỉnh Đắk Lắk\nĐT: 0262 3851 777\n")
add("charset", "cp1258-labelled", legacy("cp1258-labelled", "Tran Van Cuong", "cuong.tv@daklak.example.vn",
                                          "=?windows-1258?Q?%s?=" % "".join(chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else ("_" if b == 32 else "=%02X" % b) for b in cp1258("Đề xuất tưới tự động cho cà phê")),
                                          cp1258(body_iot).replace(b"\n", b"\r\n"), "windows-1258",
                                          "Wed, 25 Nov 2026 08:00:00 +0700", "<000d01db3e5a$8c1f2e40$a45d8ac0$@daklak.example.vn>",
                                          "Microsoft Outlook 14.0"),
    {"action": "CASE_OPENED", "title": "Đề xuất tưới tự động cho cà phê", "text": "cảm biến độ ẩm đất", "contact": "Tran Van Cuong",
     "phone": "02623851777", "attachments": [], "answer": ["mail-received"]})
body_kho = ("Kính gửi Bộ Khoa học và Công nghệ,\n\nHợp tác xã chúng tôi đề nghị được hỗ trợ kinh phí xây dựng kho lạnh bảo quản "
            "rau quả sau thu hoạch có giám sát nhiệt độ từ xa.\n\nNguyễn Văn Khánh\nHTX rau an toàn Đơn Dương, xã Lạc Xuân, huyện Đơn "
            "Dương, tỉnh Lâm Đồng\n0263 3849 555\n")
add("charset", "cp1258-as-1252", legacy("cp1258-as-1252", "Nguyen Van Khanh", "khanh.htx@lamdong.example.vn",
                                         "De nghi ho tro kho lanh bao quan rau qua", cp1258(body_kho).replace(b"\n", b"\r\n"),
                                         "windows-1252", "Wed, 25 Nov 2026 08:10:00 +0700",
                                         "<000001db3e5b$11223344$55667788$@lamdong.example.vn>", "Microsoft Outlook 15.0"),
    {"action": "CASE_OPENED", "title": "De nghi ho tro kho lanh bao quan rau qua", "text": "kho lạnh bảo quản rau quả",
     "contact": "Nguyen Van Khanh", "phone": "02633849555", "attachments": [], "answer": ["mail-received"]})
body_wifi = ("Kính gửi: Ủy ban nhân dân tỉnh Hà Giang\n\nTôi là giáo viên trường tiểu học xã Lũng Cú. Tôi đề nghị tỉnh lắp wifi "
             "miễn phí cho các điểm trường lẻ để giáo viên tải bài giảng điện tử.\n\nLý Thị Sinh\nĐịa chỉ: thôn Lô Lô Chải, xã "
             "Lũng Cú, huyện Đồng Văn, tỉnh Hà Giang\nĐiện thoại: 0219 3856 012\n")
add("charset", "tcvn3-as-1252", legacy("tcvn3-as-1252", "Ly Thi Sinh", "sinh.lt@hagiang.example.edu.vn",
                                        "De nghi lap wifi cho diem truong le", tcvn3(body_wifi).replace(b"\n", b"\r\n"),
                                        "windows-1252", "Wed, 25 Nov 2026 09:00:00 +0700",
                                        "<001a01c7f3b2$4e5f6a70$0200a8c0@may01>", "Microsoft Outlook Express 6.00.2900.5931"),
    {"action": "CASE_OPENED", "title": "De nghi lap wifi cho diem truong le", "text": "điểm trường lẻ", "contact": "Ly Thi Sinh",
     "phone": "02193856012", "attachments": [], "answer": ["mail-received"]})
body_cho = ("Kính gửi Bộ Công Thương,\n\nTôi phản ánh chợ đầu mối nông sản của huyện chưa có bảng giá điện tử, nông dân bị ép giá. Đề "
            "nghị lắp bảng giá điện tử cập nhật hằng ngày.\n\nHà Văn Tùng\nxã Quảng Tiến, huyện Trảng Bom, tỉnh Đồng Nai\n"
            "0251 3866 321\n")
add("charset", "tcvn3-unlabelled", legacy("tcvn3-unlabelled", "Ha Van Tung", "tung.hv@dongnai.example.vn",
                                           "Phan anh cho dau moi nong san", tcvn3(body_cho).replace(b"\n", b"\r\n"), None,
                                           "Wed, 25 Nov 2026 09:05:00 +0700", "<002b01c7f3b3$11aa22bb$0300a8c0@pc-tung>",
                                           "Microsoft Outlook Express 6.00.2900.2180"),
    {"action": "CASE_OPENED", "title": "Phan anh cho dau moi nong san", "text": "bảng giá điện tử", "contact": "Ha Van Tung",
     "phone": "02513866321", "attachments": [], "answer": ["mail-received"]})
raw8 = ("From: Bùi Thị Hồng Nhung <nhung.bth@hanam.example.vn>\r\nTo: %s\r\nSubject: Đề xuất số hóa sổ hộ tịch cũ\r\n"
        "Date: Wed, 25 Nov 2026 10:00:00 +0700\r\nMessage-ID: <20261125100000.1a2b3c@hanam.example.vn>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\nUser-Agent: Roundcube Webmail/1.6.9\r\n\r\n"
        "Kính gửi Bộ Tư pháp,\r\n\r\nTôi đề xuất số hóa sổ hộ tịch giấy trước năm 2000 của các xã để người dân trích lục trực tuyến.\r\n\r\n"
        "Bùi Thị Hồng Nhung\r\nĐịa chỉ: 12 Lê Hoàn, phường Hai Bà Trưng, thành phố Phủ Lý, tỉnh Hà Nam\r\nĐT 0226 3852 468\r\n" % HUB)
add("charset", "raw-8bit-headers", raw8, {"action": "CASE_OPENED", "title": "Đề xuất số hóa sổ hộ tịch cũ",
                                          "text": "trích lục trực tuyến", "contact": "Bùi Thị Hồng Nhung", "phone": "02263852468",
                                          "attachments": [], "answer": ["mail-received"]})
mislabel = ("From: Pham Thanh <thanh.p@example.vn>\r\nTo: %s\r\nSubject: =?iso-8859-1?Q?Kien_nghi_ve_du_lieu_dat_dai?=\r\n"
            "Date: Wed, 25 Nov 2026 10:30:00 +0700\r\nMessage-ID: <mislabel.20261125@example.vn>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\nX-Mailer: SquirrelMail/1.4.22\r\n\r\n" % HUB)
add("charset", "utf8-labelled-latin1", mislabel.encode("ascii") + qp(
    "Kính gửi Bộ Nông nghiệp và Môi trường,\n\nTôi kiến nghị công khai bản đồ quy hoạch sử dụng đất cấp huyện trên cổng thông tin "
    "để người dân tra cứu trước khi mua bán đất.\n\nPhạm Thành\nĐịa chỉ: 45 Trần Hưng Đạo, phường 1, thành phố Vĩnh Long\n"
    "Điện thoại: 0270 3822 999\n").encode("ascii"),
    {"action": "CASE_OPENED", "title": "Kien nghi ve du lieu dat dai", "text": "bản đồ quy hoạch sử dụng đất",
     "contact": "Pham Thanh", "phone": "02703822999", "attachments": [], "answer": ["mail-received"]})
html_only = ("From: =?UTF-8?B?%s?= <hanh.vt@example.vn>\r\nTo: %s\r\nSubject: =?UTF-8?B?%s?=\r\nDate: Wed, 25 Nov 2026 11:00:00 +0700\r\n"
             "Message-ID: <html-only.20261125@example.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n"
             "Content-Transfer-Encoding: quoted-printable\r\n\r\n" % (base64.b64encode("Vũ Thị Hạnh".encode()).decode(), HUB,
                                                                      base64.b64encode("Góp ý về học bạ số".encode()).decode()))
add("charset", "html-only", html_only.encode("ascii") + qp(
    "<html><body><p>K&iacute;nh g&#7917;i B&#7897; Gi&aacute;o d&#7909;c v&agrave; &#272;&agrave;o t&#7841;o,</p>"
    "<p>T&ocirc;i g&oacute;p &yacute; h&#7885;c b&#7841; s&#7889; c&#7847;n cho ph&eacute;p ph&#7909; huynh xem tr&ecirc;n &#273;i&#7879;n tho&#7841;i"
    " m&agrave; kh&ocirc;ng ph&#7843;i &#273;&#7871;n tr&#432;&#7901;ng.</p><table><tr><td><b>V&#361; Th&#7883; H&#7841;nh</b><br>"
    "&#272;&#7883;a ch&#7881;: 7 Ph&#7841;m V&#259;n &#272;&#7891;ng, ph&#432;&#7901;ng Xu&acirc;n &#272;&#7881;nh, qu&#7853;n B&#7855;c T&#7915; Li&ecirc;m, H&agrave; N&#7897;i"
    "<br>&#272;T: 0904 321 987</td></tr></table></body></html>").encode("ascii"),
    {"action": "CASE_OPENED", "title": "Góp ý về học bạ số", "text": "xem trên điện thoại", "contact": "Vũ Thị Hạnh",
     "phone": "0904321987", "attachments": [], "answer": ["mail-received"]})
subj = "Kiến nghị đầu tư hạ tầng số cho vùng đồng bào dân tộc thiểu số"
raw_subj = subj.encode("utf-8")
cut = 27  # inside a character: some webmails cut encoded words by bytes
split_header = "=?UTF-8?B?%s?=\r\n =?UTF-8?B?%s?=" % (base64.b64encode(raw_subj[:cut]).decode(), base64.b64encode(raw_subj[cut:]).decode())
add("charset", "split-encoded-word", ("From: =?UTF-8?B?%s?= <ksor.h@gialai.example.vn>\r\nTo: %s\r\nSubject: %s\r\n"
                                      "Date: Wed, 25 Nov 2026 11:30:00 +0700\r\nMessage-ID: <split-ew.20261125@gialai.example.vn>\r\n"
                                      "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                                      % (base64.b64encode("Ksor H'Bla".encode()).decode(), HUB, split_header))
    + b64("Kính gửi Ủy ban Dân tộc,\n\nTôi kiến nghị ưu tiên đầu tư cáp quang và trạm phát sóng cho các làng đồng bào dân tộc thiểu số "
          "ở Gia Lai.\n\nKsor H'Bla\nlàng Plei Ơi, xã Ia Ka, huyện Chư Păh, tỉnh Gia Lai\nĐT: 0269 3822 135\n"),
    {"action": "CASE_OPENED", "title": subj, "text": "cáp quang và trạm phát sóng", "contact": "Ksor H'Bla",
     "phone": "02693822135", "attachments": [], "answer": ["mail-received"]})

# === C. Forwarded items ===============================================================================================
orig_kho = ("Kính gửi Bộ Khoa học và Công nghệ,\n\nHợp tác xã chúng tôi kiến nghị Bộ hỗ trợ chuyển giao công nghệ sấy nông sản bằng năng "
            "lượng mặt trời cho các hợp tác xã miền núi; phương án kỹ thuật gửi kèm.\n\nLò Văn Pâng\nGiám đốc HTX Nông nghiệp Chiềng Mai\n"
            "Địa chỉ: bản Nà Sản, xã Chiềng Mai, huyện Mai Sơn, tỉnh Sơn La\nĐT: (+84) 912 345 678")


def inner_gmail(subject, name, addr, body, atts, date, mid):
    return gmail({"tag": "%016x" % stable(mid) * 2, "name": name, "addr": addr, "subject": subject, "body": body,
                  "date": date, "id": mid, "atts": atts, "extra": "", "threading": ""}).replace("To: " + HUB, "To: hoinongdan.sonla@gmail.com")


# C1 Gmail forward inline
fwd_text = ("Kính chuyển Ban Chỉ đạo kiến nghị của HTX dưới đây.\n\nĐỗ Thị Hằng\nHội Nông dân tỉnh Sơn La\n\n"
            "---------- Forwarded message ---------\nFrom: Lò Văn Pâng <htx.chiengmai@gmail.com>\nDate: Th 2, 16 thg 11, 2026 vào lúc 08:15\n"
            "Subject: Kiến nghị hỗ trợ chuyển giao công nghệ sấy nông sản\nTo: <hoinongdan.sonla@gmail.com>\n\n\n" + orig_kho)
person("forwarded", "gmail-forward-inline", "gmail", "Đỗ Thị Hằng", "hoinongdan.sonla@gmail.com",
       "Fwd: Kiến nghị hỗ trợ chuyển giao công nghệ sấy nông sản", fwd_text, "Tue, 17 Nov 2026 09:02:41 +0700",
       atts=[("Phương án sấy.pdf", PDF, "application/pdf")],
       title="Kiến nghị hỗ trợ chuyển giao công nghệ sấy nông sản", text="sấy nông sản bằng năng lượng mặt trời",
       phone="0912345678")
# C2 Outlook forward inline
ol_fwd = ("Kính gửi Văn phòng Trung ương,\n\nSở chuyển phản ánh của công dân để xem xét theo thẩm quyền.\n\nVăn phòng Sở KH&CN An Giang\n\n"
          "________________________________\nFrom: Trần Thị Mỹ Lệ <myle.tran@outlook.com>\nSent: Wednesday, November 18, 2026 2:20 PM\n"
          "To: Sở Khoa học và Công nghệ <sokhcn@angiang.example.gov.vn>\nSubject: Phản ánh về ứng dụng tra cứu giá lúa\n\n"
          "Kính gửi Sở,\n\nỨng dụng tra cứu giá lúa của tỉnh không cập nhật giá từ tháng 9, nông dân không dùng được. Đề nghị Sở chỉ đạo "
          "khắc phục.\n\nTrần Thị Mỹ Lệ\nấp Phú Hòa, xã Phú Thuận, huyện Thoại Sơn, tỉnh An Giang\nĐiện thoại: 0296 3856 123")
person("forwarded", "outlook-forward-inline", "outlook", "Văn phòng Sở KH&CN An Giang", "vanphong.sokhcn@angiang.example.gov.vn",
       "FW: Phản ánh về ứng dụng tra cứu giá lúa", ol_fwd, "Thu, 19 Nov 2026 08:05:13 +0700",
       title="Phản ánh về ứng dụng tra cứu giá lúa", text="không cập nhật giá từ tháng 9", phone="02963856123")


def forward_as_attachment(client, slug, fname, faddr, fsubject, note, inner, inner_name, date, cte="8bit", ctype="message/rfc822",
                          **expect):
    tag = ("%08x" % (stable(slug) % (1 << 32))) * 4
    if cte == "base64":
        body = b64(inner)
    else:
        body = inner
    n, f = mime_name(inner_name, "thunderbird" if client == "thunderbird" else "gmail")
    part = ("Content-Type: %s; %s\r\nContent-Disposition: attachment; %s\r\nContent-Transfer-Encoding: %s\r\n\r\n" % (ctype, n, f, cte)) + body
    if client == "thunderbird":
        b = "------------" + tag[:24]
        mid = "<%s-%s@gmail.com>" % (tag[:8], tag[8:20])
        raw = ("Content-Type: multipart/mixed; boundary=\"%s\"\r\nMessage-ID: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\n"
               "User-Agent: Mozilla Thunderbird\r\nContent-Language: vi\r\nTo: %s\r\nFrom: %s <%s>\r\nSubject: %s\r\n\r\n" % (
                   b, mid, date, HUB, ew(fname), faddr, ew(fsubject))) + multipart("mixed", b, [
            "Content-Type: text/plain; charset=UTF-8; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + crlf(note), part],
            "This is a multi-part message in MIME format.\r\n")
    elif client == "outlook":
        b = "_002_" + tag[:20] + "_"
        mid = "<TYZPR03MB%s@TYZPR03MB%s.apcprd03.prod.outlook.com>" % (tag[:12].upper(), tag[12:16].upper())
        raw = ("From: %s <%s>\r\nTo: \"%s\" <%s>\r\nSubject: %s\r\nThread-Index: AdtZ%s==\r\nDate: %s\r\nMessage-ID: %s\r\n"
               "Accept-Language: vi-VN, en-US\r\nContent-Language: vi-VN\r\nX-MS-Has-Attach: yes\r\nX-Auto-Response-Suppress: All\r\n"
               "Content-Type: multipart/mixed;\r\n\tboundary=\"%s\"\r\nMIME-Version: 1.0\r\n\r\n" % (
                   ew(fname), faddr, HUB, HUB, ew(fsubject), tag[:10], date, mid, b)) + multipart("mixed", b, [
            'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + b64(crlf(note)),
            "Content-Type: message/rfc822\r\nContent-Disposition: attachment;\r\n\tcreation-date=\"Thu, 19 Nov 2026 01:05:12 GMT\"\r\n\r\n" + inner])
    else:  # gmail web or android K-9 / Samsung: the .eml attached
        b = "0000000000" + tag[:16]
        mid = "<CA%s@mail.gmail.com>" % tag[:24]
        raw = ("MIME-Version: 1.0\r\nDate: %s\r\nMessage-ID: %s\r\nSubject: %s\r\nFrom: %s <%s>\r\nTo: %s\r\n"
               "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n" % (date, mid, ew(fsubject), ew(fname), faddr, HUB, b)) + multipart(
            "mixed", b, ['Content-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + qp(note), part])
    e = {"action": "CASE_OPENED", "contact": fname, "answer": ["mail-received"]}
    e.update(expect)
    add("forwarded", slug, raw, e)
    MAILS[-1]["messageId"] = mid


inner1 = inner_gmail("Đề xuất nhà màng thông minh cho hợp tác xã hoa", "Phan Thị Huệ", "htxhoa.melinh@gmail.com",
                     "Kính gửi Hội,\n\nHTX hoa Mê Linh đề xuất được hỗ trợ chuyển đổi 2 ha nhà lưới sang nhà màng có điều khiển nhiệt độ, "
                     "độ ẩm tự động; dự toán gửi kèm.\n\nPhan Thị Huệ\nĐịa chỉ: thôn Hạ Lôi, xã Mê Linh, huyện Mê Linh, Hà Nội\n"
                     "Điện thoại: (+84) 936 778 899", [("Dự toán nhà màng.pdf", PDF, "application/pdf")],
                     "Mon, 16 Nov 2026 10:00:00 +0700", "<CAhoaMelinh0001@mail.gmail.com>")
forward_as_attachment("thunderbird", "thunderbird-forward-attached", "Nguyễn Văn Hiệp", "hiep.hnd@hanoi.example.vn",
                      "Fwd: Đề xuất nhà màng thông minh cho hợp tác xã hoa",
                      "Kính gửi Ban Chỉ đạo,\n\nHội Nông dân huyện chuyển tới đề xuất của HTX hoa Mê Linh (thư gốc đính kèm).\n\n"
                      "Nguyễn Văn Hiệp\nHội Nông dân huyện Mê Linh", inner1, "Đề xuất nhà màng thông minh.eml",
                      "Tue, 17 Nov 2026 09:30:00 +0700", title="Đề xuất nhà màng thông minh cho hợp tác xã hoa",
                      text="nhà màng có điều khiển nhiệt độ", phone="0936778899", attachments=["Dự toán nhà màng.pdf"])
inner2 = outlook({"tag": "a1b2c3d4e5f60718" * 2, "name": "Trần Thị Mỹ Lệ", "addr": "myle.tran@outlook.com",
                  "subject": "Phản ánh ứng dụng bản đồ ngập lụt không cập nhật",
                  "body": "Kính gửi Sở,\n\nBản đồ ngập lụt trực tuyến của tỉnh không cập nhật mực nước trong đợt lũ vừa qua. Tôi phản "
                          "ánh để Sở khắc phục; ảnh chụp gửi kèm.\n\nTrần Thị Mỹ Lệ\nấp Phú Hòa, xã Phú Thuận, huyện Thoại Sơn, "
                          "tỉnh An Giang\nĐiện thoại: 0296 3856 124",
                  "date": "Wed, 18 Nov 2026 14:20:05 +0700", "id": "<SEZPR06MBLE01@SEZPR06MBLE01.apcprd06.prod.outlook.com>",
                  "atts": [("man-hinh-lu.png", PNG, "image/png")], "extra": "", "threading": ""})
forward_as_attachment("outlook", "outlook-forward-attached", "Văn phòng Sở KH&CN An Giang", "vp.skhcn@angiang.example.gov.vn",
                      "FW: Phản ánh ứng dụng bản đồ ngập lụt không cập nhật",
                      "Kính gửi Văn phòng Trung ương Đảng,\n\nSở xin chuyển phản ánh của bà Trần Thị Mỹ Lệ (thư đính kèm).\n\n"
                      "Văn phòng Sở KH&CN An Giang", inner2, "", "Thu, 19 Nov 2026 08:15:13 +0700",
                      title="Phản ánh ứng dụng bản đồ ngập lụt không cập nhật", text="không cập nhật mực nước",
                      phone="02963856124", attachments=["man-hinh-lu.png"])
inner3 = inner_gmail("Kiến nghị về trạm quan trắc độ mặn", "Lâm Văn Tài", "lamvantai.bentre@gmail.com",
                     "Kính gửi Sở,\n\nTôi kiến nghị lắp thêm trạm quan trắc độ mặn tự động trên sông Hàm Luông và nhắn tin cảnh báo cho "
                     "nông dân.\n\nLâm Văn Tài\nấp Phú Hòa, xã An Hiệp, huyện Châu Thành, tỉnh Bến Tre\nĐT: 0275 3829 456", [],
                     "Fri, 13 Nov 2026 07:00:00 +0700", "<CAtaiBentre0002@mail.gmail.com>")
forward_as_attachment("gmail", "gmail-forward-attached-nosubject", "Lâm Văn Tài", "lamvantai.bentre@gmail.com", "", "",
                      inner3, "Kiến nghị về trạm quan trắc độ mặn.eml", "Fri, 20 Nov 2026 20:11:09 +0700", cte="base64",
                      title="Kiến nghị về trạm quan trắc độ mặn", text="trạm quan trắc độ mặn tự động", phone="02753829456",
                      attachments=[])
inner4 = inner_gmail("Đề xuất số hóa thư viện huyện", "Nông Văn Dền", "nongvanden@gmail.com",
                     "Kính gửi Sở Văn hóa,\n\nTôi đề xuất số hóa sách địa chí của thư viện huyện để học sinh đọc trực tuyến.\n\n"
                     "Nông Văn Dền\nthôn Nà Pồng, xã Quang Thành, huyện Nguyên Bình, tỉnh Cao Bằng\n0206 3852 789", [],
                     "Sat, 14 Nov 2026 07:00:00 +0700", "<CAdenCaobang0003@mail.gmail.com>")
forward_as_attachment("android", "android-eml-as-octet-stream", "Nông Văn Dền", "nongvanden@gmail.com",
                      "Fwd: Đề xuất số hóa thư viện huyện", "Em gửi lại đề xuất ạ.", inner4, "Đề xuất số hóa thư viện huyện.eml",
                      "Sat, 21 Nov 2026 07:30:00 +0700", cte="base64", ctype="application/octet-stream",
                      title="Đề xuất số hóa thư viện huyện", text="sách địa chí", phone="02063852789", attachments=[])
inner5a = inner_gmail("Sáng kiến ứng dụng nhắc lịch tiêm chủng", "Đặng Thu Trang", "trang.dt.yte@gmail.com",
                      "Kính gửi Trung tâm Y tế,\n\nTôi gửi sáng kiến ứng dụng nhắc lịch tiêm chủng cho trẻ qua Zalo; bản mô tả gửi kèm.\n\n"
                      "Đặng Thu Trang\nTrạm Y tế xã Yên Thường, huyện Gia Lâm, Hà Nội\nĐT: 0243 8271 234",
                      [("Mô tả sáng kiến.pdf", PDF, "application/pdf")], "Mon, 09 Nov 2026 07:00:00 +0700", "<CAtrangYte0004@mail.gmail.com>")
inner5 = ("From: =?UTF-8?B?%s?= <ttyt.gialam@example.vn>\r\nTo: so.yte@example.vn\r\nSubject: =?UTF-8?B?%s?=\r\n"
          "Date: Tue, 10 Nov 2026 08:00:00 +0700\r\nMessage-ID: <ttyt-fwd-0005@example.vn>\r\nMIME-Version: 1.0\r\n"
          "Content-Type: multipart/mixed; boundary=\"inner5\"\r\n\r\n" % (base64.b64encode("Trung tâm Y tế Gia Lâm".encode()).decode(),
                                                                         base64.b64encode("Fwd: Sáng kiến ứng dụng nhắc lịch tiêm chủng".encode()).decode())
          ) + multipart("mixed", "inner5", ["Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nTrung tâm chuyển Sở.\r\n",
                                              "Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n" + inner5a])
forward_as_attachment("thunderbird", "forward-of-a-forward", "Văn phòng Sở Y tế Hà Nội", "vanphong.soyte@hanoi.example.gov.vn",
                      "Fwd: Fwd: Sáng kiến ứng dụng nhắc lịch tiêm chủng", "Kính chuyển Ban Chỉ đạo xem xét.\n\nVăn phòng Sở Y tế",
                      inner5, "Sáng kiến nhắc lịch tiêm chủng.eml", "Wed, 11 Nov 2026 09:00:00 +0700",
                      title="Sáng kiến ứng dụng nhắc lịch tiêm chủng", text="nhắc lịch tiêm chủng cho trẻ", phone="02438271234",
                      attachments=["Mô tả sáng kiến.pdf"])
inner6 = zimbra({"tag": "zimbraInner0006zimbraInner0006", "name": "Nguyễn Hữu Phước", "addr": "phuoc.nh@binhdinh.example.gov.vn",
                 "subject": "Kiến nghị kết nối dữ liệu dân cư với hệ thống bệnh viện",
                 "body": "Kính gửi Sở,\n\nTôi kiến nghị kết nối dữ liệu dân cư với phần mềm bệnh viện để người bệnh không phải khai lại "
                         "thông tin.\n\nNguyễn Hữu Phước\n15 Phan Bội Châu, phường Lê Lợi, thành phố Quy Nhơn, tỉnh Bình Định\n"
                         "ĐT: 0256 3822 789", "date": "Mon, 16 Nov 2026 15:00:00 +0700",
                 "id": "<1234.5678.16.JavaMail.zimbra@binhdinh.example.gov.vn>", "atts": [], "extra": "", "threading": ""})
forward_as_attachment("outlook", "zimbra-forward-attached", "Phòng Hành chính Sở Y tế Bình Định", "hanhchinh.syt@binhdinh.example.gov.vn",
                      "Fw: Kiến nghị kết nối dữ liệu dân cư với hệ thống bệnh viện", "Kính chuyển.\n\nPhòng Hành chính", inner6, "",
                      "Tue, 17 Nov 2026 10:00:00 +0700", title="Kiến nghị kết nối dữ liệu dân cư với hệ thống bệnh viện",
                      text="không phải khai lại thông tin", phone="02563822789", attachments=[])

# === D. Items sent again (same item, new Message-ID) ======================================================================
DUP = {"action": "DUPLICATE", "answer": ["mail-duplicate"], **NA}
b1 = ("Kính gửi Bộ Khoa học và Công nghệ,\n\nTôi đề xuất thành lập quỹ hỗ trợ sinh viên khởi nghiệp đổi mới sáng tạo tại các trường "
      "đại học địa phương, mỗi năm xét chọn 20 dự án.\n\nMai Văn Toàn\nĐịa chỉ: 30 Lê Lợi, phường Vĩnh Ninh, thành phố Huế\nĐT: 0234 3822 555")
d1 = person("duplicate", "resend-outlook-1", "outlook", "Mai Văn Toàn", "toan.mv@hue.example.edu.vn",
            "Đề xuất quỹ khởi nghiệp cho sinh viên", b1, "Mon, 16 Nov 2026 08:00:00 +0700", text="mỗi năm xét chọn 20 dự án",
            phone="02343822555")
person("duplicate", "resend-outlook-2", "outlook", "Mai Văn Toàn", "toan.mv@hue.example.edu.vn",
       "Đề xuất quỹ khởi nghiệp cho sinh viên", b1, "Mon, 23 Nov 2026 08:00:00 +0700", case="resend-outlook-1", **DUP)
b2 = ("Kính gửi Bộ Y tế,\n\nTôi kiến nghị cho phép người bệnh đặt lịch khám qua ứng dụng VNeID ở tất cả bệnh viện tuyến tỉnh.\n\n"
      "Lương Thị Hoa\nĐịa chỉ: 9 Nguyễn Du, phường Trần Phú, thành phố Hà Tĩnh\nĐT: 0912 777 333")
person("duplicate", "resend-gmail-1", "gmail", "Lương Thị Hoa", "luonghoa.ht@gmail.com", "Kiến nghị đặt lịch khám qua VNeID", b2,
       "Tue, 17 Nov 2026 21:00:00 +0700", text="đặt lịch khám qua ứng dụng VNeID", phone="0912777333")
person("duplicate", "resend-gmail-2-from-iphone", "iphone", "Lương Thị Hoa", "luonghoa.ht@gmail.com",
       "Kiến nghị đặt lịch khám qua VNeID", b2, "Tue, 24 Nov 2026 06:00:00 +0700", case="resend-gmail-1", **DUP)
b3 = ("Kính gửi Ủy ban nhân dân tỉnh Nghệ An,\n\nTôi đề xuất tỉnh có chính sách hỗ trợ doanh nghiệp nhỏ thuê phần mềm kế toán và hóa đơn "
      "điện tử trong 2 năm đầu.\n\nHồ Sỹ Nam\nĐịa chỉ: 22 Quang Trung, phường Quang Trung, thành phố Vinh, Nghệ An\nĐT: 0238 3844 111")
person("duplicate", "resend-thunderbird-1", "thunderbird", "Hồ Sỹ Nam", "nam.hs@nghean.example.vn",
       "Hỗ trợ doanh nghiệp nhỏ thuê phần mềm kế toán", b3, "Wed, 18 Nov 2026 10:00:00 +0700", text="hóa đơn điện tử",
       phone="02383844111")
person("duplicate", "resend-thunderbird-2-with-note", "thunderbird", "Hồ Sỹ Nam", "nam.hs@nghean.example.vn",
       "Hỗ trợ doanh nghiệp nhỏ thuê phần mềm kế toán", "Tôi gửi lại thư này vì chưa nhận được phản hồi.\n\n" + b3,
       "Wed, 25 Nov 2026 10:00:00 +0700", case="resend-thunderbird-1", **DUP)
b4 = ("Kính gửi Bộ Giáo dục và Đào tạo,\n\nTôi đề xuất đưa nội dung an toàn thông tin cơ bản vào chương trình Tin học lớp 6.\n\n"
      "Châu Ngọc Lan\nĐịa chỉ: 5 Hòa Bình, phường Tân An, quận Ninh Kiều, Cần Thơ\nĐT: 0292 3811 222")
person("duplicate", "resend-yahoo-1", "yahoo", "Châu Ngọc Lan", "chaungoclan@yahoo.com", "Đề xuất dạy an toàn thông tin ở lớp 6", b4,
       "Thu, 19 Nov 2026 11:00:00 +0700", text="an toàn thông tin cơ bản", phone="02923811222")
person("duplicate", "resend-yahoo-2", "yahoo", "Châu Ngọc Lan", "chaungoclan@yahoo.com", "Đề xuất dạy an toàn thông tin ở lớp 6", b4,
       "Thu, 26 Nov 2026 11:00:00 +0700", case="resend-yahoo-1", **DUP)

# === E. Replies: supplements and withdrawal requests =====================================================================
def mid_of(slug):
    return next(m["messageId"] for m in MAILS if m["slug"] == slug)


SUPP = {"action": "SUPPLEMENT_ADDED", "answer": ["mail-supplement-received"], "title": None, "text": None, "contact": None, "phone": None}
WDR = {"action": "WITHDRAWAL_REQUESTED", "answer": ["mail-withdrawal-received"], **NA}
person("reply", "reply-supplement-photo", "android", "Vàng A Sử", "vangasu1990@gmail.com", "Re: Đề nghị phủ sóng 4G cho bản Sin Chải",
       "Em gửi bổ sung ảnh khu vực không có sóng ạ.\n\nVào Th 3, 24 thg 11, 2026 lúc 06:15 Vàng A Sử <vangasu1990@gmail.com> đã viết:\n"
       "> Kính gửi các cơ quan chức năng,\n> Bản Sin Chải chưa có sóng điện thoại 4G", "Tue, 24 Nov 2026 18:20:00 +0700",
       atts=[("IMG_20261124_171502.jpg", JPG, "image/jpeg")], threading=refers(mid_of("android-4g-sin-chai")),
       case="android-4g-sin-chai", **dict(SUPP, attachments=["IMG_20261124_171502.jpg"]))
person("reply", "reply-supplement-outlook", "outlook", "Nguyễn Thị Thu Hà", "thuha.nguyen@vnpt-hn.example.vn",
       "RE: Kiến nghị về chữ ký số cho người cao tuổi",
       "Tôi xin bổ sung: ở phường Kim Liên có khoảng 1.200 người trên 70 tuổi cần hỗ trợ.\n\nNguyễn Thị Thu Hà\n\n"
       "From: Nguyễn Thị Thu Hà <thuha.nguyen@vnpt-hn.example.vn>\nSent: Monday, November 23, 2026 4:12 PM\nTo: pakn@paknskgp.local\n"
       "Subject: Kiến nghị về chữ ký số cho người cao tuổi\n\nKính gửi Bộ Khoa học và Công nghệ,", "Mon, 23 Nov 2026 10:30:00 +0000",
       threading=refers(mid_of("outlook-chu-ky-so")), case="outlook-chu-ky-so", **dict(SUPP, attachments=[]))
person("reply", "reply-withdraw-yahoo", "yahoo", "Trương Văn Lực", "truongvanluc@yahoo.com.vn",
       "Re: Kiến nghị hỗ trợ nông dân bán hàng trên sàn thương mại điện tử",
       "Tôi xin rút kiến nghị này vì xã đã mở lớp hướng dẫn.\n\nTrương Văn Lực", "Thu, 26 Nov 2026 07:00:00 +0700",
       threading=refers(mid_of("yahoo-san-tmdt")), case="yahoo-san-tmdt", **WDR)
person("reply", "reply-stranger-quoting", "gmail", "Kẻ Lạ Mặt", "nguoila.2026@gmail.com", "Re: Đề xuất mở API dữ liệu giao thông công cộng TP.HCM",
       "Tôi xin rút đề xuất này. Thay vào đó tôi đề nghị Thành phố lắp thêm màn hình báo giờ xe buýt tại các trạm chờ lớn.\n\n"
       "Địa chỉ: 10 Lý Tự Trọng, phường Bến Nghé, quận 1, TP. Hồ Chí Minh", "Fri, 27 Nov 2026 09:00:00 +0700",
       threading=refers(mid_of("gmail-api-xe-buyt")), title="Re: Đề xuất mở API dữ liệu giao thông công cộng TP.HCM"[4:],
       text="màn hình báo giờ xe buýt", phone="")
person("reply", "reply-withdraw-iphone", "iphone", "Đinh Thị Mai", "dinhmai.dn@icloud.com", "Re: Ứng dụng Đà Nẵng Smartcity không đăng nhập được",
       "Em xin rút phản ánh vì ứng dụng đã hoạt động lại bình thường ạ.", "Wed, 25 Nov 2026 08:00:00 +0700",
       threading=refers(mid_of("iphone-smartcity")), case="iphone-smartcity", **WDR)
person("reply", "reply-supplement-thunderbird-quoted", "thunderbird", "Lê Minh Tuấn", "tuan.lm@hust.example.edu.vn",
       "Re: Sáng kiến phần mềm mã nguồn mở quản lý phòng thí nghiệm",
       "Kính gửi,\n\nChúng tôi bổ sung đường dẫn mã nguồn: https://git.example.edu.vn/lab-manager và danh sách 12 đơn vị đã dùng thử.\n\n"
       "On 24/11/2026 08:02, Lê Minh Tuấn wrote:\n> Kính gửi Bộ Khoa học và Công nghệ,\n>\n> Nhóm nghiên cứu chúng tôi xin giới thiệu",
       "Wed, 25 Nov 2026 09:00:00 +0700", atts=[("Danh sách đơn vị.pdf", PDF, "application/pdf")],
       threading=refers(mid_of("thunderbird-mnm-ptn")), case="thunderbird-mnm-ptn",
       **dict(SUPP, attachments=["Thuyết minh sáng kiến.docx", "Danh sách đơn vị.pdf"]))
person("reply", "reply-supplement-with-refused-file", "gmail", "Phạm Quốc Bảo", "baopq.hcm@gmail.com",
       "Re: Đề xuất mở API dữ liệu giao thông công cộng TP.HCM",
       "Tôi gửi bổ sung đặc tả dữ liệu; tệp ghi chú bị lỗi xin bỏ qua.", "Sat, 28 Nov 2026 10:00:00 +0700",
       atts=[("Đặc tả GTFS.pdf", PDF, "application/pdf"), ("ghi-chu.txt", b"", "text/plain")],
       threading=refers(mid_of("gmail-api-xe-buyt")), case="gmail-api-xe-buyt", **dict(SUPP, attachments=["Đặc tả GTFS.pdf"]))
person("reply", "reply-own-references-only", "thunderbird", "Hồ Sỹ Nam", "nam.hs@nghean.example.vn", "Bổ sung thông tin doanh nghiệp",
       "Tôi bổ sung: hiện tỉnh có khoảng 9.000 doanh nghiệp nhỏ và vừa đang hoạt động.", "Thu, 26 Nov 2026 10:00:00 +0700",
       threading="References: %s\r\n" % mid_of("resend-thunderbird-1"), case="resend-thunderbird-1", **dict(SUPP, attachments=[]))

# === F. Robots, and Outlook's X-Auto-Response-Suppress on people's mail ===================================================
ROBOT = {"action": "NOT_ANSWERED", "answer": [], **NA}
person("robots", "outlook-ars-all", "outlook", "Quách Văn Sơn", "son.qv@congty.example.vn", "Kiến nghị hướng dẫn hỗ trợ chuyển đổi số cho doanh nghiệp nhỏ",
       "Kính gửi Bộ Khoa học và Công nghệ,\n\nCông ty chúng tôi kiến nghị Bộ ban hành hướng dẫn thủ tục nhận hỗ trợ chuyển đổi số cho "
       "doanh nghiệp nhỏ.\n\nQuách Văn Sơn\nĐịa chỉ: 3 Lê Thánh Tôn, phường Bến Nghé, quận 1, TP. Hồ Chí Minh\nĐT: (028) 3822 4455",
       "Tue, 24 Nov 2026 09:00:00 +0700", extra="X-Auto-Response-Suppress: All\r\n", text="thủ tục nhận hỗ trợ", phone="02838224455")
person("robots", "outlook-ars-all-attachment", "outlook", "Đoàn Thị Kim Oanh", "oanh.dtk@benhvien.example.vn", "Đề xuất bệnh án điện tử liên thông",
       "Kính gửi Bộ Y tế,\n\nBệnh viện chúng tôi đề xuất liên thông bệnh án điện tử giữa các bệnh viện trong tỉnh; đề án gửi kèm.\n\n"
       "Đoàn Thị Kim Oanh\nPhòng Công nghệ thông tin, Bệnh viện Đa khoa tỉnh Thái Bình\nĐịa chỉ: 530 Lý Bôn, phường Quang Trung, "
       "thành phố Thái Bình\nĐT: 0227 3838 282", "Tue, 24 Nov 2026 09:30:00 +0700",
       atts=[("Đề án liên thông.pdf", PDF, "application/pdf")], extra="X-Auto-Response-Suppress: All\r\nX-MS-Exchange-Organization-SCL: -1\r\n",
       text="liên thông bệnh án điện tử", phone="02273838282")
person("robots", "outlook-ars-oof-dr", "outlook", "Kiều Minh Phương", "phuong.km@truong.example.edu.vn", "Góp ý về phần mềm quản lý trường học",
       "Kính gửi Sở Giáo dục và Đào tạo,\n\nTôi góp ý phần mềm quản lý trường học cần cho phép xuất báo cáo ra Excel.\n\nKiều Minh Phương\n"
       "Trường THCS Nguyễn Du, phường Trần Hưng Đạo, thành phố Quảng Ngãi\nĐT: 0255 3822 400", "Tue, 24 Nov 2026 10:00:00 +0700",
       extra="X-Auto-Response-Suppress: DR, OOF, AutoReply\r\n", text="xuất báo cáo ra Excel", phone="02553822400")
add("robots", "exchange-oof", ("From: =?utf-8?B?%s?= <an.nv@coquan.example.gov.vn>\r\nTo: %s\r\nSubject: =?utf-8?B?%s?=\r\n"
                               "Thread-Topic: =?utf-8?B?%s?=\r\nDate: Tue, 24 Nov 2026 10:05:00 +0000\r\nMessage-ID: <a1b2c3@EXCH01.coquan.example.gov.vn>\r\n"
                               "Auto-Submitted: auto-generated\r\nX-Auto-Response-Suppress: All\r\nX-MS-Exchange-Inbox-Rules-Loop: an.nv@coquan.example.gov.vn\r\n"
                               "Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\nMIME-Version: 1.0\r\n\r\n" % (
                                   base64.b64encode("Nguyễn Văn An".encode()).decode(), HUB,
                                   base64.b64encode("Trả lời Tự động: Thông báo tiếp nhận".encode()).decode(),
                                   base64.b64encode("Thông báo tiếp nhận".encode()).decode()))
    + b64("Tôi đang đi công tác đến hết ngày 30/11/2026. Việc gấp xin liên hệ chị Hoa, số máy lẻ 204."), dict(ROBOT))
add("robots", "gmail-vacation", ("MIME-Version: 1.0\r\nFrom: =?UTF-8?B?%s?= <phuongthao.vo@gmail.com>\r\nDate: Tue, 24 Nov 2026 10:10:00 +0700\r\n"
                                 "Message-ID: <CAvacation0001@mail.gmail.com>\r\nSubject: =?UTF-8?B?%s?=\r\nTo: %s\r\nAuto-Submitted: auto-replied\r\n"
                                 "Content-Type: text/plain; charset=\"UTF-8\"\r\n\r\n" % (base64.b64encode("Võ Phương Thảo".encode()).decode(),
                                                                                         base64.b64encode("Nghỉ phép".encode()).decode(), HUB))
    + "Mình đang nghỉ phép, sẽ trả lời sau ngày 1/12.\r\n", dict(ROBOT))
add("robots", "postfix-bounce", ("Return-Path: <>\r\nFrom: MAILER-DAEMON@mx1.example.vn (Mail Delivery System)\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                                 "To: %s\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;\r\n"
                                 "\tboundary=\"4F2A81C2E.1732431000/mx1.example.vn\"\r\nMessage-Id: <20261124074000.4F2A81C2E@mx1.example.vn>\r\n"
                                 "Date: Tue, 24 Nov 2026 14:40:00 +0700 (+07)\r\n\r\nThis is a MIME-encapsulated message.\r\n\r\n"
                                 "--4F2A81C2E.1732431000/mx1.example.vn\r\nContent-Description: Notification\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                                 "This is the mail system at host mx1.example.vn.\r\n\r\nI'm sorry to have to inform you that your message could not\r\n"
                                 "be delivered to one or more recipients.\r\n\r\n<khongton@example.vn>: host mx.example.vn said: 550 5.1.1 User unknown\r\n\r\n"
                                 "--4F2A81C2E.1732431000/mx1.example.vn\r\nContent-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n\r\n"
                                 "Reporting-MTA: dns; mx1.example.vn\r\n\r\nFinal-Recipient: rfc822; khongton@example.vn\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                                 "--4F2A81C2E.1732431000/mx1.example.vn--\r\n" % HUB), dict(ROBOT))
add("robots", "newsletter", ("From: =?UTF-8?B?%s?= <news@bantin-khcn.example.vn>\r\nTo: %s\r\nSubject: =?UTF-8?B?%s?=\r\nDate: Tue, 24 Nov 2026 07:00:00 +0000\r\n"
                             "Message-ID: <20261124070000.abc123@mcsv.example.net>\r\nList-Unsubscribe: <https://bantin-khcn.example.vn/unsub?u=abc>, <mailto:unsub@bantin-khcn.example.vn>\r\n"
                             "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nList-Id: bantin-khcn <bantin.bantin-khcn.example.vn>\r\nPrecedence: bulk\r\n"
                             "MIME-Version: 1.0\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" % (
                                 base64.b64encode("Bản tin Khoa học".encode()).decode(), HUB,
                                 base64.b64encode("Bản tin tuần: 10 đề xuất đổi mới sáng tạo nổi bật".encode()).decode()))
    + qp("<html><body><h1>Bản tin tuần</h1><p>Kính mời quý độc giả đọc 10 đề xuất đổi mới sáng tạo nổi bật.</p></body></html>"), dict(ROBOT))
add("robots", "portal-noreply", ("From: =?UTF-8?B?%s?= <no-reply@dichvucong.example.gov.vn>\r\nTo: %s\r\nSubject: =?UTF-8?B?%s?=\r\n"
                                 "Date: Tue, 24 Nov 2026 08:00:00 +0700\r\nMessage-ID: <dvc-20261124-000123@dichvucong.example.gov.vn>\r\n"
                                 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" % (
                                     base64.b64encode("Cổng Dịch vụ công".encode()).decode(), HUB,
                                     base64.b64encode("Thông báo: hồ sơ 000.00.12.H26-241124-0001 đã được tiếp nhận".encode()).decode()))
    + b64("Hồ sơ của quý vị đã được tiếp nhận. Đây là thư tự động, vui lòng không trả lời."), dict(ROBOT))

# === G. Long subjects, phone numbers as people write them, files the hub does not take ======================================
long1 = ("Kiến nghị về việc " + "đơn giản hóa thủ tục đăng ký, thẩm định và nghiệm thu đề tài khoa học cấp cơ sở, " * 3
         + "công khai kết quả nghiệm thu và cho phép nộp toàn bộ hồ sơ trực tuyến trên cổng dịch vụ công của Bộ")
person("details", "long-subject-340", "outlook", "Hà Thị Minh Nguyệt", "nguyet.htm@vnu.example.edu.vn", long1,
       "Kính gửi Bộ Khoa học và Công nghệ,\n\nTôi kiến nghị như tiêu đề thư.\n\nHà Thị Minh Nguyệt\nĐịa chỉ: 144 Xuân Thủy, phường Dịch "
       "Vọng Hậu, quận Cầu Giấy, Hà Nội\nĐT: 0243 7547 461", "Wed, 25 Nov 2026 08:30:00 +0700",
       title=long1[:200] + "…", text="cổng dịch vụ công của Bộ", phone="02437547461")
long2 = ("Đề xuất xây dựng cơ sở dữ liệu dùng chung về giống cây trồng bản địa của các tỉnh miền núi phía Bắc, "
         "kết nối với hệ thống truy xuất nguồn gốc nông sản và mở cho các viện nghiên cứu, doanh nghiệp khởi nghiệp và hợp tác xã "
         "khai thác miễn phí để phát triển sản phẩm đặc sản")
person("details", "long-subject-260", "gmail", "Sùng Thị Mỷ", "sungthimy.lc@gmail.com", long2,
       "Kính gửi Bộ Nông nghiệp và Môi trường,\n\nNội dung như tiêu đề.\n\nSùng Thị Mỷ\nĐịa chỉ: xã Bản Khoang, huyện Sa Pa, tỉnh Lào Cai\n"
       "ĐT: 0214 3871 234", "Wed, 25 Nov 2026 08:40:00 +0700", text="Nội dung như tiêu đề", phone="02143871234")
person("details", "phone-plus84-parentheses", "iphone", "Y Nhi Ksơr", "ynhiksor@icloud.com", "Đề nghị hỗ trợ internet cho buôn làng",
       "Kính gửi Sở Thông tin và Truyền thông,\n\nBuôn Ea Kmát chưa có internet cáp quang. Đề nghị Sở hỗ trợ kết nối cho nhà văn hóa buôn.\n\n"
       "Y Nhi Ksơr\nbuôn Ea Kmát, xã Ea Tu, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk\nĐT: (+84) 905 222 333",
       "Wed, 25 Nov 2026 09:00:00 +0700", text="nhà văn hóa buôn", phone="0905222333")
person("details", "phone-plus84-zero-landline", "outlook", "Trịnh Công Sơn", "son.tc@danang.example.vn", "Kiến nghị về tín hiệu đèn giao thông thông minh",
       "Kính gửi Sở Giao thông vận tải,\n\nTôi kiến nghị lắp đèn giao thông thông minh tự điều chỉnh theo lưu lượng tại nút Điện Biên Phủ "
       "- Nguyễn Tri Phương.\n\nTrịnh Công Sơn\nĐịa chỉ: 80 Điện Biên Phủ, phường Chính Gián, quận Thanh Khê, Đà Nẵng\n"
       "Tel: +84 (0) 236 3822 111", "Wed, 25 Nov 2026 09:10:00 +0700", text="tự điều chỉnh theo lưu lượng", phone="02363822111")
person("details", "phone-84-dashes", "thunderbird", "Dương Văn Khoa", "khoa.dv@bacninh.example.vn", "Đề xuất cấp phép nhanh cho dự án công nghệ cao",
       "Kính gửi Ủy ban nhân dân tỉnh Bắc Ninh,\n\nTôi đề xuất rút ngắn thời gian cấp phép đầu tư cho dự án công nghệ cao xuống 15 ngày.\n\n"
       "Dương Văn Khoa\nĐịa chỉ: 12 Lý Thái Tổ, phường Suối Hoa, thành phố Bắc Ninh\nĐiện thoại: (84) 912-345-679",
       "Wed, 25 Nov 2026 09:20:00 +0700", text="xuống 15 ngày", phone="0912345679")
many = [("Biên bản.pdf", PDF, "application/pdf")] + [("IMG_00%d.jpg" % i, JPG, "image/jpeg") for i in range(1, 7)]
person("details", "seven-attachments", "gmail", "Lò Thị Xuân", "lothixuan.yb@gmail.com", "Phản ánh sạt lở đường vào trạm y tế xã",
       "Kính gửi Ủy ban nhân dân tỉnh Yên Bái,\n\nĐường vào trạm y tế xã bị sạt lở, xe cấp cứu không vào được; tôi gửi biên bản và ảnh "
       "hiện trường.\n\nLò Thị Xuân\nĐịa chỉ: bản Tà Xùa, xã Bản Công, huyện Trạm Tấu, tỉnh Yên Bái\nĐT: 0216 3894 567",
       "Wed, 25 Nov 2026 09:30:00 +0700", atts=many, text="xe cấp cứu không vào được", phone="02163894567",
       attachments=[a[0] for a in many[:5]])
person("details", "empty-attachment", "outlook", "Tô Văn Hải", "hai.tv@quangninh.example.vn", "Góp ý về cổng thông tin du lịch tỉnh",
       "Kính gửi Sở Du lịch,\n\nTôi góp ý cổng thông tin du lịch cần thêm bản đồ số các điểm tham quan và giá vé.\n\nTô Văn Hải\n"
       "Địa chỉ: 15 Trần Hưng Đạo, phường Hồng Gai, thành phố Hạ Long, Quảng Ninh\nĐT: 0203 3822 333",
       "Wed, 25 Nov 2026 09:40:00 +0700", atts=[("Góp ý.pdf", PDF, "application/pdf"), ("ghi chú.txt", b"", "text/plain")],
       text="bản đồ số các điểm tham quan", phone="02033822333", attachments=["Góp ý.pdf"])
person("details", "executable-as-pdf", "gmail", "Người Gửi Lạ", "tailieu.khan2026@gmail.com", "Tài liệu kiến nghị khẩn",
       "Kính gửi, tôi gửi tài liệu kiến nghị, mời mở tệp đính kèm.\n", "Wed, 25 Nov 2026 09:50:00 +0700",
       atts=[("Tai lieu kien nghi.pdf", EXE, "application/pdf")], action="QUARANTINED", answer=[], **NA)

# === H. Out of scope: complaints and denunciations (Đ1.2) =====================================================================
OUT = {"action": "OUT_OF_SCOPE", "answer": ["mail-out-of-scope"], **NA}
person("out-of-scope", "complaint-land", "gmail", "Nguyễn Văn Bền", "nguyenvanben1965@gmail.com", "Đơn khiếu nại quyết định thu hồi đất",
       "Kính gửi Ủy ban nhân dân huyện,\n\nTôi làm đơn khiếu nại Quyết định số 245/QĐ-UBND thu hồi 300 m2 đất của gia đình tôi với mức bồi "
       "thường không thỏa đáng, đề nghị xem xét lại.\n\nNguyễn Văn Bền\nấp Bình Hòa, xã Bình Thạnh, huyện Thủ Thừa, tỉnh Long An\n0909 111 222",
       "Thu, 26 Nov 2026 08:00:00 +0700", **OUT)
person("out-of-scope", "denunciation-official", "outlook", "Công dân", "congdan.phananh2026@outlook.com", "Tố cáo cán bộ địa chính nhận tiền",
       "Kính gửi Thanh tra tỉnh,\n\nTôi tố cáo ông cán bộ địa chính xã đã nhận tiền của người dân khi làm thủ tục cấp giấy chứng nhận quyền "
       "sử dụng đất. Đề nghị xử lý nghiêm.\n", "Thu, 26 Nov 2026 08:10:00 +0700", **OUT)
person("out-of-scope", "complaint-insurance", "iphone", "Trần Thị Lụa", "tranthilua.nd@icloud.com", "Khiếu nại về chế độ bảo hiểm xã hội",
       "Kính gửi Bảo hiểm xã hội tỉnh,\n\nTôi khiếu nại việc cơ quan bảo hiểm xã hội huyện không giải quyết chế độ thai sản cho tôi dù đã "
       "nộp đủ hồ sơ từ tháng 8.\n\nTrần Thị Lụa\nxã Hải Vân, huyện Hải Hậu, tỉnh Nam Định\n0912 555 777",
       "Thu, 26 Nov 2026 08:20:00 +0700", **OUT)
person("out-of-scope", "denunciation-project", "thunderbird", "Nhóm cư dân chung cư", "cudan.ct3@example.vn",
       "Đơn tố cáo sai phạm tại dự án chung cư CT3",
       "Kính gửi Cơ quan Cảnh sát điều tra,\n\nChúng tôi tố cáo chủ đầu tư dự án chung cư CT3 chiếm dụng quỹ bảo trì và xây thêm tầng "
       "trái phép.\n\nĐại diện cư dân chung cư CT3, phường Văn Quán, quận Hà Đông, Hà Nội\n", "Thu, 26 Nov 2026 08:30:00 +0700", **OUT)
person("out-of-scope", "complaint-court", "gmail", "Đỗ Văn Hùng", "dovanhung.kn@gmail.com", "Khiếu nại bản án sơ thẩm",
       "Kính gửi Tòa án nhân dân tỉnh,\n\nTôi khiếu nại bản án sơ thẩm số 12/2026/DS-ST vì đã xét xử không khách quan, đề nghị xét xử lại.\n\n"
       "Đỗ Văn Hùng\nthôn Trung, xã Yên Lạc, huyện Yên Lạc, tỉnh Vĩnh Phúc\n0983 444 666", "Thu, 26 Nov 2026 08:40:00 +0700", **OUT)
person("out-of-scope", "denunciation-school", "yahoo", "Phụ huynh học sinh", "phuhuynh.lop5a@yahoo.com", "Tố cáo hiệu trưởng lạm thu",
       "Kính gửi Phòng Giáo dục,\n\nTôi tố cáo hiệu trưởng trường tiểu học thu các khoản trái quy định của phụ huynh đầu năm học.\n",
       "Thu, 26 Nov 2026 08:50:00 +0700", **OUT)

# === I. Mails nobody can read (kept, counted, quarantined with their bytes) ===================================================
QUAR = {"action": "QUARANTINED", "answer": [], **NA}
add("unreadable", "iphone-undisclosed-truncated",
    ("Return-Path: <tranminhduc1972@gmail.com>\r\nFrom: =?utf-8?B?%s?= <tranminhduc1972@gmail.com>\r\n"
     "Content-Type: multipart/mixed; boundary=\"Apple-Mail-91C0D2E4-7A3B-4F10-8E2D-5B6C7D8E9F01\"\r\nContent-Transfer-Encoding: 7bit\r\n"
     "Mime-Version: 1.0 (1.0)\r\nSubject: =?utf-8?B?%s?=\r\nDate: Tue, 24 Nov 2026 21:41:05 +0700\r\n"
     "Message-Id: <9A2B7D4C-1F2A-4C9B-A6E1-0D5F7B2C9E14@gmail.com>\r\nTo: undisclosed-recipients:;\r\nX-Mailer: iPhone Mail (22B83)\r\n\r\n"
     "\r\n--Apple-Mail-91C0D2" % (base64.b64encode("Trần Minh Đức".encode()).decode(),
                                 base64.b64encode("Kiến nghị về số hóa hồ sơ đất đai".encode()).decode())), dict(QUAR))
add("unreadable", "android-truncated-upload",
    ("MIME-Version: 1.0\r\nFrom: =?UTF-8?B?%s?= <hoangthiyen88@gmail.com>\r\nDate: Tue, 24 Nov 2026 22:05:00 +0700\r\n"
     "Message-ID: <CAtruncated0002@mail.gmail.com>\r\nSubject: =?UTF-8?B?%s?=\r\nTo: undisclosed-recipients:;\r\nBcc: %s\r\n"
     "Content-Type: multipart/mixed; boundary=\"000000000000e4f5a60601c3d2b8\"\r\n\r\n" % (
         base64.b64encode("Hoàng Thị Yến".encode()).decode(), base64.b64encode("Ảnh hiện trường".encode()).decode(), HUB)), dict(QUAR))
add("unreadable", "unknown-transfer-encoding",
    ("From: Le Van Bon <bon.lv@example.vn>\r\nTo: %s\r\nSubject: De xuat\r\nDate: Tue, 24 Nov 2026 22:10:00 +0700\r\n"
     "Message-ID: <x-uue.20261124@example.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
     "Content-Transfer-Encoding: x-uue\r\n\r\nbegin 644 de-xuat.txt\r\nM5&]I(&1E(&YG:&D@\r\n`\r\nend\r\n" % HUB), dict(QUAR))
add("unreadable", "multipart-without-boundary",
    ("From: Vi Van Cuong <cuong.vv@example.vn>\r\nTo: %s\r\nSubject: Kien nghi\r\nDate: Tue, 24 Nov 2026 22:20:00 +0700\r\n"
     "Message-ID: <no-boundary.20261124@example.vn>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n"
     "Noi dung thu bi mat phan dau.\r\n" % HUB), dict(QUAR))


# --- write -----------------------------------------------------------------------------------------------------------------
def main():
    for f in os.listdir(HERE):
        if f.endswith(".eml"):
            os.remove(os.path.join(HERE, f))
    labels = []
    seen = {}
    for n, m in enumerate(MAILS, 1):
        cls = m["cls"]
        seen[cls] = seen.get(cls, 0) + 1
        name = "%03d-%s-%s.eml" % (n, cls, m["slug"])
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(m["raw"])
        label = {"file": name, "class": cls, "aside": seen[cls] % 4 == 0}
        e = dict(m["expect"])
        if "case" in e:
            e["case"] = next("%03d-%s-%s.eml" % (i, o["cls"], o["slug"]) for i, o in enumerate(MAILS, 1) if o["slug"] == e["case"])
        for k, v in e.items():
            if isinstance(v, str):
                e[k] = unicodedata.normalize("NFC", v)
        label.update(e)
        labels.append(label)
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as out:
        json.dump(labels, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print("%d mails, %d aside, classes: %s" % (len(labels), sum(l["aside"] for l in labels), seen))


if __name__ == "__main__":
    main()
