#!/usr/bin/env bash
# Builds the image's base without Docker or a registry: a minimal Debian 12 with its
# OpenJDK 17 runtime, from the Debian mirror, saved as a `docker save` tar that Jib takes
# as `tar://` (for machines that cannot pull eclipse-temurin from Docker Hub).
#
#   sudo deploy/image/base-image.sh [out=target/base-image.tar] [mirror=http://deb.debian.org/debian]
#
# Needs root (debootstrap), debootstrap and python3. Takes a few minutes; the tar is about 250 MB.
set -euo pipefail
out=${1:-target/base-image.tar}
mirror=${2:-http://deb.debian.org/debian}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v debootstrap >/dev/null || apt-get install -y debootstrap >/dev/null
root="$work/rootfs"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata bookworm "$root" "$mirror" >&2
# What a container does not need: package caches, documentation, the apt lists.
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/var/cache/debconf/*-old
# A user for the application (the image runs as 1000:1000), with a home it may write to.
chroot "$root" useradd --uid 1000 --user-group --create-home --home-dir /home/redress redress

mkdir -p "$work/image"
tar --numeric-owner -C "$root" -cf "$work/image/layer.tar" .
python3 - "$work/image" <<'PY'
import hashlib, json, os, sys
image = sys.argv[1]
with open(os.path.join(image, "layer.tar"), "rb") as layer:
    digest = hashlib.sha256()
    for block in iter(lambda: layer.read(1 << 20), b""):
        digest.update(block)
diff_id = "sha256:" + digest.hexdigest()
config = {
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64", "LANG=C.UTF-8"],
               "Cmd": ["/bin/bash"]},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created_by": "deploy/image/base-image.sh: debootstrap bookworm + openjdk-17-jre-headless"}],
}
data = json.dumps(config).encode()
name = "config.json"
with open(os.path.join(image, name), "wb") as f:
    f.write(data)
with open(os.path.join(image, "manifest.json"), "w") as f:
    json.dump([{"Config": name, "RepoTags": ["redress-base:bookworm-jre17"], "Layers": ["layer.tar"]}], f)
PY
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
# Plain names, no "./" entry: Jib refuses an archive entry that names the directory itself.
(cd "$work/image" && tar -cf "$out" manifest.json config.json layer.tar)
echo "$out"
