// The snippet writers: one small template per language, and literal writers that keep every byte.
#include "core/interchange/snippets.h"

#include "core/interchange/export_text.h"

#include <QUrl>

namespace kommo::interchange {
namespace {

using detail::decodeAt;
using detail::isHidden;
using detail::Unit;

enum class Lang
{
    Php,
    Python,
    Node,
    Go,
    CSharp
};

QByteArray hex(quint32 value, int digits)
{
    return QByteArray::number(value, 16).rightJustified(digits, '0');
}

// A double- or single-quoted string literal of the language holding text exactly. Bytes that are not UTF-8
// stay bytes in PHP and Go (\xHH); the languages whose strings are Unicode get U+FFFD instead, so callers
// give them bytes only through bodyLiteral().
QByteArray stringLiteral(QByteArrayView text, Lang lang)
{
    const char quote = lang == Lang::Python || lang == Lang::Node ? '\'' : '"';
    QByteArray out(1, quote);
    for (qsizetype i = 0; i < text.size();) {
        const Unit unit = decodeAt(text, i);
        const char32_t c = unit.valid ? unit.codePoint : 0xfffd;
        if (!unit.valid && (lang == Lang::Php || lang == Lang::Go)) {
            out.append("\\x").append(hex(static_cast<unsigned char>(text[i]), 2));
        } else if (c == '\\' || c == char32_t(quote) || (lang == Lang::Php && c == '$')) {
            out.append('\\').append(char(c));
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            out.append("\\r");
        } else if (c == '\t') {
            out.append("\\t");
        } else if (isHidden(c) || !unit.valid) {
            // A visible escape for what would be invisible (or misleading) in the source.
            switch (lang) {
            case Lang::Php:
                out.append("\\u{").append(hex(c, 4)).append('}');
                break;
            case Lang::Node:
                out.append("\\u{").append(hex(c, 4)).append('}');
                break;
            case Lang::Go:
                out.append(c < 0x80 ? "\\x" + hex(c, 2) : "\\u" + hex(c, 4));
                break;
            case Lang::Python:
            case Lang::CSharp:
                out.append(c < 0x10000 ? "\\u" + hex(c, 4) : "\\U" + hex(c, 8));
                break;
            }
        } else {
            out.append(text.sliced(i, unit.length));
        }
        i += unit.length;
    }
    out.append(quote);
    return out;
}

// Bytes as an ASCII literal: printable ASCII kept, the rest as \xHH (Python bytes, a latin1 string in Node).
QByteArray asciiEscaped(QByteArrayView bytes, char quote)
{
    QByteArray out(1, quote);
    for (char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        if (b == '\\' || b == static_cast<unsigned char>(quote))
            out.append('\\').append(ch);
        else if (b == '\n')
            out.append("\\n");
        else if (b >= 0x20 && b < 0x7f)
            out.append(ch);
        else
            out.append("\\x").append(hex(b, 2));
    }
    out.append(quote);
    return out;
}

// The body as an expression of the language's byte type, written once.
QByteArray bodyLiteral(QByteArrayView body, Lang lang)
{
    const bool utf8 = detail::isUtf8(body);
    switch (lang) {
    case Lang::Php:
    case Lang::Go:
        return lang == Lang::Go ? "[]byte(" + stringLiteral(body, lang) + ')' : stringLiteral(body, lang);
    case Lang::Python:
        return utf8 ? stringLiteral(body, lang) + ".encode(\"utf-8\")" : 'b' + asciiEscaped(body, '\'');
    case Lang::Node:
        return utf8 ? "Buffer.from(" + stringLiteral(body, lang) + ", 'utf8')"
                    : "Buffer.from(" + asciiEscaped(body, '\'') + ", 'latin1')";
    case Lang::CSharp:
        if (utf8)
            return "Encoding.UTF8.GetBytes(" + stringLiteral(body, lang) + ')';
        QByteArray out = "new byte[] {";
        for (qsizetype i = 0; i < body.size(); ++i) {
            out.append(i % 16 == 0 ? "\n            " : " ");
            out.append("0x").append(hex(static_cast<unsigned char>(body[i]), 2)).append(',');
        }
        out.append("\n        }");
        return out;
    }
    return {};
}

// A value for sh: single quotes when plain, else printf's own escapes inside a command substitution (a
// header value never ends in a line break, so nothing is lost to it).
QByteArray shellValue(QByteArrayView value)
{
    if (detail::isPlainText(value, false))
        return shellQuote(value);
    return "\"$(" + detail::printfCommand(value) + ")\"";
}

// The headers a snippet sends besides the four it computes: the request's extra headers, masked.
QList<Header> extraHeaders(const SignedRequest &request, const ExportOptions &options)
{
    QList<Header> out;
    for (const Header &h : maskCredentials(request.spec.extraHeaders, options)) {
        bool computed = false;
        for (const char *name :
             {"Host", "Date", "Content-Type", "Content-MD5", "X-Signature", "Content-Length"})
            computed = computed || h.name.compare(QByteArrayView(name), Qt::CaseInsensitive) == 0;
        if (!computed)
            out.append(h);
    }
    return out;
}

struct Fields
{
    QByteArray method;
    QByteArray url;
    QByteArray path; // the path line of the string to sign
    QByteArray contentType;
    QByteArray body;
    QList<Header> headers;
    // For the C# socket: where to connect and what the request line carries.
    QByteArray host;
    int port = 443;
    bool tls = true;
    QByteArray authority;
    QByteArray target;
};

// Replaces each @KEY@ of the template in one pass, so a value that happens to hold "@BODY@" stays as it is.
QByteArray fill(const char *templ, const QList<std::pair<QByteArrayView, QByteArray>> &values)
{
    const QByteArrayView text(templ);
    QByteArray out;
    out.reserve(text.size() + 256);
    for (qsizetype i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '@') {
            for (const auto &[key, value] : values) {
                if (text.sliced(i).startsWith(key)) {
                    out.append(value);
                    i += key.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced)
            out.append(text[i++]);
    }
    return out;
}

QByteArray php(const Fields &f)
{
    QByteArray extra;
    for (const Header &h : f.headers)
        extra.append("    ").append(stringLiteral(h.name + ": " + h.value, Lang::Php)).append(",\n");
    return fill(R"tmpl(<?php
// Sends one Kommo Chat API request, signed when it runs. Run: KOMMO_CHANNEL_SECRET=... php this-file.php
$secret = getenv('KOMMO_CHANNEL_SECRET');
if ($secret === false || $secret === '') {
    fwrite(STDERR, "Set KOMMO_CHANNEL_SECRET to the channel secret.\n");
    exit(2);
}
$method = @METHOD@;
$url = @URL@;
$path = @PATH@; // as signed: no scheme, host or query
$contentType = @CONTENT_TYPE@;
$body = @BODY@; // these exact bytes are hashed and sent

$date = gmdate('D, d M Y H:i:s') . ' +0000'; // RFC 2822 in UTC, English names
$contentMd5 = md5($body);
$stringToSign = implode("\n", [$method, $contentMd5, $contentType, $date, $path]);
$signature = hash_hmac('sha1', $stringToSign, $secret);

$headers = [
    'Date: ' . $date,
    'Content-Type: ' . $contentType,
    'Content-MD5: ' . $contentMd5,
    'X-Signature: ' . $signature,
    'Content-Length: ' . strlen($body),
@HEADERS@    'Connection: close',
];
$context = stream_context_create(['http' => [
    'method' => $method,
    'header' => implode("\r\n", $headers),
    'content' => $body,
    'ignore_errors' => true, // read the answer of a 4xx too
    'follow_location' => 0,
    'timeout' => 30,
]]);
$stream = fopen($url, 'r', false, $context);
$status = 0;
$length = -1; // read exactly Content-Length bytes: a server may keep the connection open
foreach ($http_response_header ?? [] as $line) {
    if (preg_match('{^HTTP/\S+ (\d+)}', $line, $match)) {
        $status = (int)$match[1];
    } elseif (preg_match('{^Content-Length:\s*(\d+)}i', $line, $match)) {
        $length = (int)$match[1];
    }
}
$answer = $stream === false ? false : stream_get_contents($stream, $length);
echo "HTTP $status\n", $answer === false ? '' : $answer, "\n";
exit($status >= 200 && $status < 300 ? 0 : 1);
)tmpl",
                {{"@METHOD@", stringLiteral(f.method, Lang::Php)},
                 {"@URL@", stringLiteral(f.url, Lang::Php)},
                 {"@PATH@", stringLiteral(f.path, Lang::Php)},
                 {"@CONTENT_TYPE@", stringLiteral(f.contentType, Lang::Php)},
                 {"@HEADERS@", extra},
                 {"@BODY@", bodyLiteral(f.body, Lang::Php)}});
}

QByteArray python(const Fields &f)
{
    QByteArray extra;
    for (const Header &h : f.headers) {
        extra.append("    ").append(stringLiteral(h.name, Lang::Python)).append(": ");
        extra.append(stringLiteral(h.value, Lang::Python)).append(",\n");
    }
    return fill(R"tmpl(#!/usr/bin/env python3
# Sends one Kommo Chat API request, signed when it runs. Run: KOMMO_CHANNEL_SECRET=... python3 this-file.py
import email.utils
import hashlib
import hmac
import os
import sys
import urllib.error
import urllib.request
from datetime import datetime, timezone

secret = os.environb.get(b"KOMMO_CHANNEL_SECRET")
if not secret:
    print("Set KOMMO_CHANNEL_SECRET to the channel secret.", file=sys.stderr)
    sys.exit(2)
method = @METHOD@
url = @URL@
path = @PATH@  # as signed: no scheme, host or query
content_type = @CONTENT_TYPE@
body = @BODY@  # these exact bytes are hashed and sent

date = email.utils.format_datetime(datetime.now(timezone.utc))  # RFC 2822, UTC, +0000
content_md5 = hashlib.md5(body).hexdigest()
string_to_sign = "\n".join([method, content_md5, content_type, date, path])
signature = hmac.new(secret, string_to_sign.encode("utf-8"), hashlib.sha1).hexdigest()

headers = {
    "Date": date,
    "Content-Type": content_type,
    "Content-MD5": content_md5,
    "X-Signature": signature,
@HEADERS@}
request = urllib.request.Request(url, data=body, headers=headers, method=method)
try:
    with urllib.request.urlopen(request, timeout=30) as response:
        status, answer = response.status, response.read()
except urllib.error.HTTPError as error:
    status, answer = error.code, error.read()
print(f"HTTP {status}")
print(answer.decode("utf-8", "replace"))
sys.exit(0 if 200 <= status < 300 else 1)
)tmpl",
                {{"@METHOD@", stringLiteral(f.method, Lang::Python)},
                 {"@URL@", stringLiteral(f.url, Lang::Python)},
                 {"@PATH@", stringLiteral(f.path, Lang::Python)},
                 {"@CONTENT_TYPE@", stringLiteral(f.contentType, Lang::Python)},
                 {"@HEADERS@", extra},
                 {"@BODY@", bodyLiteral(f.body, Lang::Python)}});
}

QByteArray node(const Fields &f)
{
    QByteArray extra;
    for (const Header &h : f.headers) {
        extra.append("  ").append(stringLiteral(h.name, Lang::Node)).append(": ");
        extra.append(stringLiteral(h.value, Lang::Node)).append(",\n");
    }
    return fill(R"tmpl('use strict';
// Sends one Kommo Chat API request, signed when it runs. Run: KOMMO_CHANNEL_SECRET=... node this-file.js
const crypto = require('crypto');

const secret = process.env.KOMMO_CHANNEL_SECRET;
if (!secret) {
  console.error('Set KOMMO_CHANNEL_SECRET to the channel secret.');
  process.exit(2);
}
const method = @METHOD@;
const url = new URL(@URL@);
const path = @PATH@; // as signed: no scheme, host or query
const contentType = @CONTENT_TYPE@;
const body = @BODY@; // these exact bytes are hashed and sent

const date = new Date().toUTCString().replace('GMT', '+0000'); // RFC 2822, UTC
const contentMd5 = crypto.createHash('md5').update(body).digest('hex');
const stringToSign = [method, contentMd5, contentType, date, path].join('\n');
const signature = crypto.createHmac('sha1', secret).update(stringToSign).digest('hex');

const headers = {
  'Date': date,
  'Content-Type': contentType,
  'Content-MD5': contentMd5,
  'X-Signature': signature,
  'Content-Length': body.length,
@HEADERS@};
const client = require(url.protocol === 'https:' ? 'https' : 'http');
const request = client.request(url, { method, headers, timeout: 30000 }, (response) => {
  const chunks = [];
  response.on('data', (chunk) => chunks.push(chunk));
  response.on('end', () => {
    console.log(`HTTP ${response.statusCode}`);
    console.log(Buffer.concat(chunks).toString('utf8'));
    process.exit(response.statusCode >= 200 && response.statusCode < 300 ? 0 : 1);
  });
});
request.on('timeout', () => request.destroy(new Error('timed out')));
request.on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
request.end(body);
)tmpl",
                {{"@METHOD@", stringLiteral(f.method, Lang::Node)},
                 {"@URL@", stringLiteral(f.url, Lang::Node)},
                 {"@PATH@", stringLiteral(f.path, Lang::Node)},
                 {"@CONTENT_TYPE@", stringLiteral(f.contentType, Lang::Node)},
                 {"@HEADERS@", extra},
                 {"@BODY@", bodyLiteral(f.body, Lang::Node)}});
}

QByteArray go(const Fields &f)
{
    QByteArray extra;
    for (const Header &h : f.headers) {
        extra.append("\trequest.Header[").append(stringLiteral(h.name, Lang::Go)).append("] = []string{");
        extra.append(stringLiteral(h.value, Lang::Go)).append("}\n");
    }
    return fill(
        R"tmpl(// Sends one Kommo Chat API request, signed when it runs. Run: KOMMO_CHANNEL_SECRET=... go run this-file.go
package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

func main() {
	secret := os.Getenv("KOMMO_CHANNEL_SECRET")
	if secret == "" {
		fmt.Fprintln(os.Stderr, "Set KOMMO_CHANNEL_SECRET to the channel secret.")
		os.Exit(2)
	}
	method := @METHOD@
	url := @URL@
	path := @PATH@ // as signed: no scheme, host or query
	contentType := @CONTENT_TYPE@
	body := @BODY@ // these exact bytes are hashed and sent

	date := time.Now().UTC().Format("Mon, 02 Jan 2006 15:04:05 -0700") // RFC 2822, UTC, +0000
	sum := md5.Sum(body)
	contentMD5 := hex.EncodeToString(sum[:])
	stringToSign := strings.Join([]string{method, contentMD5, contentType, date, path}, "\n")
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write([]byte(stringToSign))
	signature := hex.EncodeToString(mac.Sum(nil))

	request, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Set through the map so the names go out as written (Header.Set would send "Content-Md5").
	request.Header["Date"] = []string{date}
	request.Header["Content-Type"] = []string{contentType}
	request.Header["Content-MD5"] = []string{contentMD5}
	request.Header["X-Signature"] = []string{signature}
@HEADERS@	client := &http.Client{
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	response, err := client.Do(request)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer response.Body.Close()
	answer, _ := io.ReadAll(response.Body)
	fmt.Printf("HTTP %d\n%s\n", response.StatusCode, answer)
	if response.StatusCode < 200 || response.StatusCode > 299 {
		os.Exit(1)
	}
}
)tmpl",
        {{"@METHOD@", stringLiteral(f.method, Lang::Go)},
         {"@URL@", stringLiteral(f.url, Lang::Go)},
         {"@PATH@", stringLiteral(f.path, Lang::Go)},
         {"@CONTENT_TYPE@", stringLiteral(f.contentType, Lang::Go)},
         {"@HEADERS@", extra},
         {"@BODY@", bodyLiteral(f.body, Lang::Go)}});
}

QByteArray csharp(const Fields &f)
{
    QByteArray extra;
    for (const Header &h : f.headers) {
        extra.append("        head.Append(")
            .append(stringLiteral(h.name + ": " + h.value + "\r\n", Lang::CSharp));
        extra.append(");\n");
    }
    return fill(R"tmpl(// Sends one Kommo Chat API request, signed when it runs.
// Build and run: mcs -out:kommo.exe this-file.cs && KOMMO_CHANNEL_SECRET=... mono kommo.exe
using System;
using System.Globalization;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

static class KommoStatus
{
    static string Hex(byte[] bytes)
    {
        return BitConverter.ToString(bytes).Replace("-", "").ToLowerInvariant();
    }

    static int Main()
    {
        string secret = Environment.GetEnvironmentVariable("KOMMO_CHANNEL_SECRET");
        if (string.IsNullOrEmpty(secret)) {
            Console.Error.WriteLine("Set KOMMO_CHANNEL_SECRET to the channel secret.");
            return 2;
        }
        string method = @METHOD@;
        string host = @HOST@;
        int port = @PORT@;
        bool tls = @TLS@;
        string target = @TARGET@; // the request line's path and query
        string path = @PATH@; // as signed: no scheme, host or query
        string contentType = @CONTENT_TYPE@;
        byte[] body = @BODY@; // these exact bytes are hashed and sent

        string date = DateTime.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
        string contentMd5 = Hex(MD5.Create().ComputeHash(body));
        string stringToSign = string.Join("\n", method, contentMd5, contentType, date, path);
        string signature = Hex(new HMACSHA1(Encoding.UTF8.GetBytes(secret)).ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));

        // Written by hand: .NET's HTTP classes rewrite a Date header into their own format.
        var head = new StringBuilder();
        head.Append(method + " " + target + " HTTP/1.1\r\n");
        head.Append("Host: " + @AUTHORITY@ + "\r\n");
        head.Append("Date: " + date + "\r\n");
        head.Append("Content-Type: " + contentType + "\r\n");
        head.Append("Content-MD5: " + contentMd5 + "\r\n");
        head.Append("X-Signature: " + signature + "\r\n");
        head.Append("Content-Length: " + body.Length + "\r\n");
@HEADERS@        head.Append("Connection: close\r\n\r\n");

        using (var client = new TcpClient(host, port)) {
            client.ReceiveTimeout = 30000;
            Stream stream = client.GetStream();
            if (tls) {
                var secure = new SslStream(stream);
                secure.AuthenticateAsClient(host);
                stream = secure;
            }
            byte[] headBytes = Encoding.UTF8.GetBytes(head.ToString());
            stream.Write(headBytes, 0, headBytes.Length);
            stream.Write(body, 0, body.Length);
            stream.Flush();

            // Read the head, then Content-Length bytes of body (or up to the end).
            var received = new MemoryStream();
            var buffer = new byte[8192];
            Encoding latin1 = Encoding.GetEncoding("iso-8859-1");
            int headEnd = -1, length = -1, n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) {
                received.Write(buffer, 0, n);
                if (headEnd < 0) {
                    string seen = latin1.GetString(received.ToArray());
                    headEnd = seen.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    Match m = Regex.Match(seen, @"(?im)^Content-Length:\s*(\d+)");
                    if (headEnd >= 0 && m.Success && m.Index < headEnd)
                        length = int.Parse(m.Groups[1].Value);
                }
                if (headEnd >= 0 && length >= 0 && received.Length >= headEnd + 4 + length)
                    break;
            }
            byte[] all = received.ToArray();
            if (headEnd < 0) {
                Console.Error.WriteLine("No complete response.");
                return 1;
            }
            int status = int.Parse(latin1.GetString(all, 0, headEnd).Split(' ')[1]);
            Console.WriteLine("HTTP " + status);
            Console.WriteLine(Encoding.UTF8.GetString(all, headEnd + 4, all.Length - headEnd - 4));
            return status >= 200 && status < 300 ? 0 : 1;
        }
    }
}
)tmpl",
                {{"@METHOD@", stringLiteral(f.method, Lang::CSharp)},
                 {"@HOST@", stringLiteral(f.host, Lang::CSharp)},
                 {"@PORT@", QByteArray::number(f.port)},
                 {"@TLS@", f.tls ? QByteArray("true") : QByteArray("false")},
                 {"@TARGET@", stringLiteral(f.target, Lang::CSharp)},
                 {"@AUTHORITY@", stringLiteral(f.authority, Lang::CSharp)},
                 {"@PATH@", stringLiteral(f.path, Lang::CSharp)},
                 {"@CONTENT_TYPE@", stringLiteral(f.contentType, Lang::CSharp)},
                 {"@HEADERS@", extra},
                 {"@BODY@", bodyLiteral(f.body, Lang::CSharp)}});
}

QByteArray shell(const Fields &f)
{
    QByteArray extra;
    for (const Header &h : f.headers)
        extra.append("    -H ").append(shellValue(h.name + ": " + h.value)).append(" \\\n");
    return fill(R"tmpl(#!/bin/sh
# Sends one Kommo Chat API request, signed when it runs, with openssl and curl.
# Run: KOMMO_CHANNEL_SECRET=... sh this-file.sh
# openssl takes the HMAC key on its command line: on a shared machine other users could see it in ps.
set -eu
if [ -z "${KOMMO_CHANNEL_SECRET:-}" ]; then
    echo 'Set KOMMO_CHANNEL_SECRET to the channel secret.' >&2
    exit 2
fi
method=@METHOD@
url=@URL@
path=@PATH@ # as signed: no scheme, host or query
content_type=@CONTENT_TYPE@
body_file=$(mktemp)
answer_file=$(mktemp)
trap 'rm -f "$body_file" "$answer_file"' EXIT
# The body, written once: these exact bytes are hashed and sent.
@BODY@ > "$body_file"

date=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S +0000')
content_md5=$(openssl dgst -md5 -r < "$body_file" | cut -d ' ' -f 1)
signature=$(printf '%s\n%s\n%s\n%s\n%s' "$method" "$content_md5" "$content_type" "$date" "$path" |
    openssl dgst -sha1 -hmac "$KOMMO_CHANNEL_SECRET" -r | cut -d ' ' -f 1)

status=$(curl -sS --max-time 30 -X "$method" -o "$answer_file" -w '%{http_code}' \
    -H "Date: $date" \
    -H "Content-Type: $content_type" \
    -H "Content-MD5: $content_md5" \
    -H "X-Signature: $signature" \
@HEADERS@    -H 'Expect:' \
    --data-binary @"$body_file" \
    "$url")
echo "HTTP $status"
cat "$answer_file"
echo
case "$status" in
2??) exit 0 ;;
*) exit 1 ;;
esac
)tmpl",
                {{"@METHOD@", shellValue(f.method)},
                 {"@URL@", shellValue(f.url)},
                 {"@PATH@", shellValue(f.path)},
                 {"@CONTENT_TYPE@", shellValue(f.contentType)},
                 {"@HEADERS@", extra},
                 {"@BODY@", detail::printfCommand(f.body)}});
}

} // namespace

bool isSnippetFormat(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Php:
    case ExportFormat::Python:
    case ExportFormat::Node:
    case ExportFormat::Go:
    case ExportFormat::CSharp:
    case ExportFormat::Shell:
        return true;
    case ExportFormat::Curl:
    case ExportFormat::Http:
    case ExportFormat::Har:
        break;
    }
    return false;
}

QByteArray snippet(const SignedRequest &request, ExportFormat language, const ExportOptions &options)
{
    Fields f;
    f.method = request.method;
    f.url = detail::requestUrl(request);
    f.path = request.signedPath;
    f.contentType = request.spec.contentType;
    f.body = request.spec.body;
    f.headers = extraHeaders(request, options);
    f.target = request.target;
    f.authority = request.header("Host");
    const QUrl url(QString::fromUtf8(f.url));
    f.tls = url.scheme() != u"http";
    f.host = url.host(QUrl::FullyEncoded).toUtf8();
    f.port = url.port(f.tls ? 443 : 80);

    switch (language) {
    case ExportFormat::Php:
        return php(f);
    case ExportFormat::Python:
        return python(f);
    case ExportFormat::Node:
        return node(f);
    case ExportFormat::Go:
        return go(f);
    case ExportFormat::CSharp:
        return csharp(f);
    case ExportFormat::Shell:
        return shell(f);
    case ExportFormat::Curl:
    case ExportFormat::Http:
    case ExportFormat::Har:
        break;
    }
    return {};
}

} // namespace kommo::interchange
