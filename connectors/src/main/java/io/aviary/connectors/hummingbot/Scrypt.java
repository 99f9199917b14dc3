package io.aviary.connectors.hummingbot;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

/**
 * scrypt (RFC 7914) without RFC 7914's bound {@code N < 2^(128 r / 8)}: eth-keyfile writes {@code r = 1} with
 * {@code n = 2^18}, which BouncyCastle's {@code SCrypt} refuses (it enforces the bound), while Python's
 * {@code hashlib.scrypt} and eth-keyfile accept it. The Salsa20/8 core and PBKDF2 are BouncyCastle's.
 */
final class Scrypt {

    private Scrypt() {
    }

    /** The caller bounds {@code n * r} (memory) and {@code p}; {@code n} is a power of two. */
    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length) {
        int blockInts = 32 * r;
        byte[] b = pbkdf2Once(password, salt, p * 128 * r);
        int[] words = new int[b.length / 4];
        Pack.littleEndianToInt(b, 0, words);
        int[] v = new int[n * blockInts];
        int[] x = new int[blockInts];
        int[] y = new int[blockInts];
        for (int i = 0; i < p; i++) {
            System.arraycopy(words, i * blockInts, x, 0, blockInts);
            roMix(x, v, y, n, r);
            System.arraycopy(x, 0, words, i * blockInts, blockInts);
        }
        Pack.intToLittleEndian(words, b, 0);
        return pbkdf2Once(password, b, length);
    }

    private static void roMix(int[] x, int[] v, int[] y, int n, int r) {
        int blockInts = x.length;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * blockInts, blockInts);
            blockMix(x, y, r);
        }
        for (int i = 0; i < n; i++) {
            // Integerify: the first word of the last 64-byte block; n is a power of two
            int j = x[(2 * r - 1) * 16] & (n - 1);
            for (int k = 0; k < blockInts; k++) {
                x[k] ^= v[j * blockInts + k];
            }
            blockMix(x, y, r);
        }
    }

    /** BlockMix over 2r 64-byte blocks: even outputs first, then odd ones. */
    private static void blockMix(int[] b, int[] y, int r) {
        int[] last = new int[16];
        int[] t = new int[16];
        System.arraycopy(b, (2 * r - 1) * 16, last, 0, 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                t[k] = last[k] ^ b[i * 16 + k];
            }
            Salsa20Engine.salsaCore(8, t, last);
            int target = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            System.arraycopy(last, 0, y, target, 16);
        }
        System.arraycopy(y, 0, b, 0, b.length);
    }

    private static byte[] pbkdf2Once(byte[] password, byte[] salt, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, 1);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }
}
