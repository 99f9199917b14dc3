package io.aviary.simexchange.domain.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongObjectMapTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
        LongObjectMap<String> map = new LongObjectMap<>(4);
        Map<Long, String> reference = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            long key = 1 + random.nextInt(5_000);
            if (random.nextInt(3) == 0) {
                assertThat(map.remove(key)).isEqualTo(reference.remove(key));
            } else {
                map.put(key, "v" + i);
                reference.put(key, "v" + i);
            }
        }
        assertThat(map.size()).isEqualTo(reference.size());
        for (long k = 1; k <= 5_000; k++) {
            assertThat(map.get(k)).isEqualTo(reference.get(k));
        }
    }
}
