package io.backbench.imaging.internal.image;

import java.util.Map;

import io.backbench.repository.api.Id;

/**
 * The ids (SHA-256) of all-zero chunks. Those of the chunk sizes an image can have are constants:
 * hashing megabytes of zeros at start-up, before the JIT has compiled SHA-256, took 50-120 ms of the
 * calling thread's time while the workers waited. Other lengths (a short last chunk) are hashed.
 */
public final class ZeroChunkIds {
    private static final Map<Integer, Id> KNOWN = Map.of(
            1 << 16, Id.parse("de2f256064a0af797747c2b97505dc0b9f3df0de4f489eac731c23ae9ca9cc31"),
            1 << 17, Id.parse("fa43239bcee7b97ca62f007cc68487560a39e19f74f3dde7486db3f98df8e471"),
            1 << 18, Id.parse("8a39d2abd3999ab73c34db2476849cddf303ce389b35826850f9a700589b4a90"),
            1 << 19, Id.parse("07854d2fef297a06ba81685e660c332de36d5d18d546927d30daad6d7fda1541"),
            1 << 20, Id.parse("30e14955ebf1352266dc2ff8067e68104607e750abb9d3b36582b8af909fcb58"),
            1 << 21, Id.parse("5647f05ec18958947d32874eeb788fa396a05d0bab7c1b71f112ceb7e9b31eee"),
            1 << 22, Id.parse("bb9f8df61474d25e71fa00722318cd387396ca1736605e1248821cc0de3d3af8"),
            1 << 23, Id.parse("2daeb1f36095b44b318410b3f4e8b5d989dcc7bb023d1426c492dab0a3053e74"));

    private ZeroChunkIds() {
    }

    /** The id of {@code length} zero bytes. */
    public static Id of(int length) {
        Id known = KNOWN.get(length);
        return known != null ? known : Id.hash(new byte[length]);
    }
}
