"""Live updates under load: STREAMS open event streams on one strategy while the API takes RATE writes per second.

For each write: its own latency (request sent → response read) and, on every stream, the delay from the write's
response to its event arriving. Prints one JSON object: the medians, their ratio (target ≤ 1) and the server's
resident memory per open stream.
Usage: python3 bench/sse/streams.py PORT ADMIN_TOKEN SERVER_PID [STREAMS] [RATE] [SECONDS]
"""
import http.client, json, statistics, sys, threading, time

port, admin, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
streams = int(sys.argv[4]) if len(sys.argv) > 4 else 200
rate = float(sys.argv[5]) if len(sys.argv) > 5 else 50
seconds = float(sys.argv[6]) if len(sys.argv) > 6 else 20
per_account = 8


def call(method, path, token, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    all_headers = {"Authorization": "Bearer " + token, **(headers or {})}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        all_headers["Content-Type"] = "application/json"
    connection.request(method, path, body=data, headers=all_headers)
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, json.loads(payload) if payload else None


def rss_kib():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])


status, strategy = call("POST", "/strategies", admin, {"title": "Live updates"})
strategy = strategy["id"]
status, facilitator = call("POST", "/accounts", admin, {"name": "Facilitator"})
call("PUT", f"/strategies/{strategy}/members/{facilitator['id']}", admin, {"role": "facilitator"})
status, section = call("POST", f"/strategies/{strategy}/sections", facilitator["token"], {"heading": "Live", "body": "Start."})
followers = []
for n in range((streams + per_account - 1) // per_account):
    status, account = call("POST", "/accounts", admin, {"name": f"Follower {n}"})
    call("PUT", f"/strategies/{strategy}/members/{account['id']}", admin, {"role": "observer"})
    followers.append(account["token"])

arrivals = {}  # revision -> list of arrival times
lock = threading.Lock()
ready = threading.Barrier(streams + 1)


def follow(token):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", f"/strategies/{strategy}/events", headers={"Authorization": "Bearer " + token})
    response = connection.getresponse()
    assert response.status == 200, response.status
    response.readline()  # "retry: 3000": the stream is open
    ready.wait()
    while True:
        line = response.readline()
        if not line:
            return
        if line.startswith(b"data: "):
            arrived = time.perf_counter()
            entry = json.loads(line[6:])
            revision = entry.get("detail", {}).get("revision")
            if entry["action"] == "section.edited" and revision:
                with lock:
                    arrivals.setdefault(int(revision), []).append(arrived)


rss_before = rss_kib()
threads = [threading.Thread(target=follow, args=(followers[n // per_account],), daemon=True) for n in range(streams)]
for thread in threads:
    thread.start()
ready.wait()
time.sleep(0.5)
rss_open = rss_kib()

writes = {}  # revision -> (latency, response time)
uri = f"/strategies/{strategy}/sections/{section['id']}"
connection = http.client.HTTPConnection("127.0.0.1", port)
interval = 1 / rate
start = time.perf_counter()
n = 0
while time.perf_counter() - start < seconds:
    n += 1
    target = start + n * interval
    pause = target - time.perf_counter()
    if pause > 0:
        time.sleep(pause)
    sent = time.perf_counter()
    body = json.dumps({"heading": "Live", "body": f"Revision {n}."}).encode()
    connection.request("PUT", uri, body=body, headers={
        "Authorization": "Bearer " + facilitator["token"], "Content-Type": "application/json", "If-Match": "*"})
    response = connection.getresponse()
    answer = json.loads(response.read())
    received = time.perf_counter()
    writes[answer["revision"]] = (received - sent, received)
time.sleep(1)
with lock:
    delays = [arrival - writes[revision][1] for revision, times in arrivals.items() if revision in writes for arrival in times]
    complete = sum(1 for revision in writes if len(arrivals.get(revision, [])) == streams)
latency = statistics.median(w[0] for w in writes.values())
delay = statistics.median(delays)
print(json.dumps({
    "streams": streams, "rate": rate, "writes": len(writes), "complete": complete,
    "events": len(delays), "latencyMs": latency * 1000, "delayMs": delay * 1000,
    "p99DelayMs": sorted(delays)[int(len(delays) * 0.99)] * 1000,
    "ratio": delay / latency, "rssPerStreamKiB": (rss_open - rss_before) / streams,
}))
