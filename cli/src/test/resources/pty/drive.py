"""Types into a program through a pseudo-terminal, as a person at a terminal would (test code only).

Usage: drive.py SPEC.json. SPEC holds "argv", "env", "cwd", "transcript" (a file to write what the
terminal showed) and "steps": [{"send": TEXT, "expect": REGEX, "timeout": SECONDS}, ...]; each
step sends its text, then waits until the output since the send matches the expression. Exits with
the program's exit code once it has ended by itself, 97 when a step's output never came, 98 when
the program did not end in time.
"""
import fcntl
import json
import os
import pty
import re
import select
import struct
import sys
import termios
import time

spec = json.load(open(sys.argv[1]))
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec["cwd"])
    os.execve(spec["argv"][0], spec["argv"], spec["env"])
# a terminal of 50 rows and 160 columns (a new pseudo-terminal has none, and nothing fits in it)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))

transcript = bytearray()


def save():
    with open(spec["transcript"], "wb") as out:
        out.write(bytes(transcript))


def read(timeout):
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return b""
    try:
        return os.read(fd, 65536)
    except OSError:  # the program ended and closed the terminal
        return None


for step in spec["steps"]:
    start = len(transcript)
    if step.get("send"):
        os.write(fd, step["send"].encode())
    pattern = re.compile(step["expect"].encode())
    deadline = time.time() + step.get("timeout", 30)
    while not pattern.search(bytes(transcript[start:])):
        if time.time() > deadline:
            transcript.extend(b"\n[drive.py: no match for " + step["expect"].encode() + b"]\n")
            save()
            os.kill(pid, 9)
            sys.exit(97)
        chunk = read(0.2)
        if chunk is None:
            break
        transcript.extend(chunk)

deadline = time.time() + spec.get("exit_timeout", 30)
while True:
    finished, status = os.waitpid(pid, os.WNOHANG)
    if finished:
        break
    if time.time() > deadline:
        os.kill(pid, 9)
        save()
        sys.exit(98)
    chunk = read(0.2)
    if chunk:
        transcript.extend(chunk)
while True:
    chunk = read(0)
    if not chunk:
        break
    transcript.extend(chunk)
save()
sys.exit(os.waitstatus_to_exitcode(status))
