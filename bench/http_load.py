"""Load on loopback for the benchmarks: wrk and what it reports, a visitor
mix for it, the size of pages and the memory of gunicorn's workers."""

import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Every request a different visitor: own CSRF and analytics cookies, own
# tracking parameter (issue 19 measured this mix at 0.03 of the static file).
# The CSRF cookie is one Django could have set (32 letters and digits): a
# malformed one is replaced in the answer, which is then never cached.
VISITORS_LUA = """
local n = 0
local chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
local function token()
  local t = {}
  for i = 1, 32 do
    local k = math.random(1, #chars)
    t[i] = string.sub(chars, k, k)
  end
  return table.concat(t)
end
request = function()
  n = n + 1
  local id = math.random(1, 1000000000)
  local path = wrk.path .. "?utm_source=visitor" .. id .. "&utm_medium=" .. n
  local cookie = "csrftoken=" .. token() .. "; _ga=GA1.2." .. id .. "." .. n
  return wrk.format("GET", path, {["Cookie"] = cookie})
end
"""


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is missing: install it (apt-get install wrk) as root.")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, check=True)


def wrk(url, duration, connections, *options):
    """Requests per second, p50 and p99 in ms, and errors, as wrk reports them."""
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            *options,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def latency(pct):
        value, unit = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = sum(
        int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out)
    )
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non2xx.group(1)) if non2xx else 0
    if errors:
        # Which kind: wrk counts socket errors and answers that were not 2xx/3xx.
        for line in out.splitlines():
            if "errors:" in line or "Non-2xx" in line:
                print(f"  wrk: {line.strip()}", file=sys.stderr)
    return rps, latency(50), latency(99), errors


def page_size(url, options):
    """Bytes of the answer as wrk gets it (no compression asked for)."""
    headers = dict(
        value.split(": ", 1)
        for flag, value in zip(options, options[1:], strict=False)
        if flag == "-H"
    )
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as answer:
        return len(answer.read())


def other_page_sizes(base):
    """Bytes of the other page types, the first area and standard linked
    from the home page standing for theirs."""
    with urllib.request.urlopen(base + "/") as answer:
        home = answer.read().decode()
    paths = [
        "/divisions/",
        "/services/",
        "/search/",
        "/search/?q=zzzz",
        re.search(r'href="(/areas/\d+/)"', home).group(1),
        re.search(r'href="(/standards/\d+/)"', home).group(1),
    ]
    return [(path, page_size(base + path, [])) for path in paths]


def worker_memory(master_pid):
    children = subprocess.run(
        ["pgrep", "-P", str(master_pid)], capture_output=True, text=True
    ).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes
