#!/usr/bin/env bash
# Starts the image Jib built (target/jib-image.tar) without a container runtime: unpacks its
# layers into a directory and runs its entrypoint there with chroot, as its user (1000:1000),
# against PostgreSQL, then waits for the health and readiness probes and signs in the
# first admin over the API. Proves the image holds a runtime, the application and a
# working entrypoint; it does not isolate anything (network and processes are the host's).
#
#   sudo deploy/image/smoke.sh [image=target/jib-image.tar] [port=18095]
#
# Needs root (chroot), python3, curl, psql and PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
image=${1:-target/jib-image.tar}
port=${2:-18095}
database=redress_image_smoke
work=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $database" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/image" "$work/rootfs"
tar -C "$work/image" -xf "$image"
# The layers in order, then the entrypoint, working directory, user and environment from the config.
python3 - "$work/image" "$work/rootfs" > "$work/run" <<'PY'
import json, os, shlex, subprocess, sys
image, rootfs = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(image, "manifest.json")))[0]
for layer in manifest["Layers"]:
    subprocess.run(["tar", "--warning=no-unknown-keyword", "--numeric-owner", "-C", rootfs, "-xf", os.path.join(image, layer)], check=True)
config = json.load(open(os.path.join(image, manifest["Config"])))["config"]
env = " ".join(shlex.quote(e) for e in config.get("Env", []))
command = " ".join(shlex.quote(c) for c in config.get("Entrypoint", []) + (config.get("Cmd") or []))
print(f"cd {shlex.quote(config.get('WorkingDir', '/'))} && exec env {env} \"$@\" {command}")
PY
user=$(python3 -c "import json,os;i='$work/image';m=json.load(open(os.path.join(i,'manifest.json')))[0];print(json.load(open(os.path.join(i,m['Config'])))['config'].get('User','0:0'))")
mkdir -p "$work/rootfs/proc" "$work/rootfs/dev" "$work/rootfs/tmp" && chmod 1777 "$work/rootfs/tmp"
mount -t proc proc "$work/rootfs/proc"
mount --rbind /dev "$work/rootfs/dev"
trap 'umount -l "$work/rootfs/proc" "$work/rootfs/dev" 2>/dev/null || true; cleanup' EXIT

psql -h 127.0.0.1 -U postgres -q -c "set client_min_messages = warning" -c "drop database if exists $database" -c "create database $database" >/dev/null
chroot --userspec="$user" "$work/rootfs" /bin/sh -c "$(cat "$work/run")" run \
    PORT="$port" REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$database" \
    REDRESS_DATABASE_USER=postgres REDRESS_DATABASE_PASSWORD=postgres \
    REDRESS_ADMIN_EMAIL=admin@image.test REDRESS_ADMIN_PASSWORD=image-smoke-password-1 \
    > "$work/app.log" 2>&1 &
pid=$!
for i in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "the image's entrypoint stopped:"; tail -40 "$work/app.log"; exit 1; fi
    sleep 1
done
echo "liveness:  $(curl -fsS "http://127.0.0.1:$port/actuator/health/liveness")"
echo "readiness: $(curl -fsS "http://127.0.0.1:$port/actuator/health/readiness")"
echo "signed in: $(curl -fsS -u admin@image.test:image-smoke-password-1 "http://127.0.0.1:$port/api/v1/me")"
echo "java:      $(grep -m1 -o 'Starting RedressApplication.*using Java [0-9.]*' "$work/app.log" || true)"
