#!/usr/bin/env python3
"""Writes a realistic Postfix log for the log-analysis benchmark (P4).

Usage: bench/postfix-log.py SIZE_MB > mail.log     (e.g. 1024 for about 1 GB)

A day of a busy outbound relay, in classic syslog form: connections from the submission side,
cleanup with Message-IDs, qmgr, deliveries to Japanese carriers and large mailbox providers with
sent / deferred / bounced outcomes and their DSNs, bounce notifications, NOQUEUE rejects, TLS
lines and anvil statistics, messages interleaved as a real log is. Deterministic (fixed seed).
"""
import random
import sys

rng = random.Random(20261123)
target = int(sys.argv[1]) * 1024 * 1024 if len(sys.argv) > 1 else 64 * 1024 * 1024
out = sys.stdout
written = 0
DOMAINS = ["docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp",
           "gmail.com", "yahoo.co.jp", "outlook.com", "icloud.com", "example.co.jp",
           "nifty.com", "biglobe.ne.jp", "ocn.ne.jp"]
WEIGHTS = [12, 8, 4, 6, 3, 25, 15, 8, 5, 5, 3, 3, 3]
RELAYS = {d: ("mx%d.%s" % (i % 3 + 1, d), "203.0.113.%d" % (10 + i)) for i, d in enumerate(DOMAINS)}
DEFERS = [("4.2.0", "450 4.2.0 <{to}>: Recipient address rejected: Greylisted, see https://postgrey.example/"),
          ("4.7.0", "421 4.7.0 Try again later, closing connection."),
          ("4.4.1", "connect to {mx}[{ip}]:25: Connection timed out")]
BOUNCES = [("5.1.1", "550 5.1.1 <{to}>: Recipient address rejected: User unknown in virtual mailbox table"),
           ("5.7.1", "550 5.7.1 Message rejected as spam by Content Filtering."),
           ("5.2.2", "552 5.2.2 <{to}>: mailbox full")]


def queue_id():
    return "%X" % rng.getrandbits(40)


def stamp(second):
    h, rem = divmod(second % 86400, 3600)
    m, s = divmod(rem, 60)
    return "Nov 23 %02d:%02d:%02d" % (h, m, s)


def emit(second, program, pid, text):
    global written
    line = "%s relay1 postfix/%s[%d]: %s\n" % (stamp(second), program, pid, text)
    out.write(line)
    written += len(line)


second = 0
serial = 0
pending = []  # (second, program, pid, text) lines of messages still in flight
while written < target:
    serial += 1
    second += rng.choice((0, 0, 0, 1))
    qid = queue_id()
    client_ip = "192.0.2.%d" % rng.randint(10, 250)
    pid = rng.randint(1000, 60000)
    if rng.random() < 0.03:
        emit(second, "smtpd", pid, "NOQUEUE: reject: RCPT from unknown[%s]: 554 5.7.1 <spam%d@example.net>: "
             "Relay access denied; from=<x@example.net> to=<spam%d@example.net> proto=ESMTP helo=<x>"
             % (client_ip, serial, serial))
        continue
    domain = rng.choices(DOMAINS, WEIGHTS)[0]
    to = "user%d@%s" % (rng.randint(1, 500000), domain)
    sender = "bounce+%x@news.example.co.jp" % serial
    size = rng.randint(3000, 60000)
    emit(second, "smtpd", pid, "connect from app%d.example.co.jp[%s]" % (pid % 7, client_ip))
    emit(second, "smtpd", pid, "%s: client=app%d.example.co.jp[%s], sasl_method=PLAIN, sasl_username=news"
         % (qid, pid % 7, client_ip))
    emit(second, "cleanup", pid + 1, "%s: message-id=<%d.%x@news.example.co.jp>" % (qid, serial, serial))
    emit(second, "qmgr", 900, "%s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (qid, sender, size))
    emit(second, "smtpd", pid, "disconnect from app%d.example.co.jp[%s] ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6"
         % (pid % 7, client_ip))
    mx, ip = RELAYS[domain]
    delay = round(rng.uniform(0.2, 4.0), 2)
    later = second + rng.randint(0, 3)
    roll = rng.random()
    spid = rng.randint(1000, 60000)
    if rng.random() < 0.5:
        pending.append((later, "smtp", spid, "Trusted TLS connection established to %s[%s]:25: TLSv1.3 with cipher "
                        "TLS_AES_256_GCM_SHA384 (256/256 bits)" % (mx, ip)))
    if roll < 0.86:
        pending.append((later, "smtp", spid, "%s: to=<%s>, relay=%s[%s]:25, delay=%s, delays=0.1/0.01/0.3/%s, dsn=2.0.0, "
                        "status=sent (250 2.0.0 OK %d - queued)" % (qid, to, mx, ip, delay, round(delay - 0.41, 2), serial)))
        pending.append((later, "qmgr", 900, "%s: removed" % qid))
    elif roll < 0.95:
        dsn, text = rng.choice(DEFERS)
        pending.append((later, "smtp", spid, "%s: to=<%s>, relay=%s[%s]:25, delay=%s, delays=0.1/0/0.3/0, dsn=%s, "
                        "status=deferred (%s)" % (qid, to, mx, ip, delay, dsn, text.format(to=to, mx=mx, ip=ip))))
        retry = later + 300
        pending.append((retry, "smtp", spid, "%s: to=<%s>, relay=%s[%s]:25, delay=%s, delays=300/0/0.3/0.4, dsn=2.0.0, "
                        "status=sent (250 2.0.0 OK)" % (qid, to, mx, ip, delay + 300)))
        pending.append((retry, "qmgr", 900, "%s: removed" % qid))
    else:
        dsn, text = rng.choice(BOUNCES)
        bqid = queue_id()
        pending.append((later, "smtp", spid, "%s: to=<%s>, relay=%s[%s]:25, delay=%s, delays=0.1/0/0.3/0.1, dsn=%s, "
                        "status=bounced (host %s[%s] said: %s (in reply to RCPT TO command))"
                        % (qid, to, mx, ip, delay, dsn, mx, ip, text.format(to=to))))
        pending.append((later, "cleanup", spid + 1, "%s: message-id=<%s@relay1.example.co.jp>" % (bqid, bqid)))
        pending.append((later, "bounce", spid + 2, "%s: sender non-delivery notification: %s" % (qid, bqid)))
        pending.append((later, "qmgr", 900, "%s: removed" % qid))
    if serial % 5000 == 0:
        emit(second, "anvil", 901, "statistics: max connection rate 42/60s for (smtp:192.0.2.10) at %s" % stamp(second))
    ready = [p for p in pending if p[0] <= second]
    pending = [p for p in pending if p[0] > second]
    for p in sorted(ready, key=lambda p: p[0]):
        emit(*p)
for p in sorted(pending, key=lambda p: p[0]):
    emit(*p)
