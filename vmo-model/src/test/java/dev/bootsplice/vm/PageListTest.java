package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The open-addressing page list behaves exactly like a sorted map under random puts and removes. */
class PageListTest {
    @Test
    void randomOperationsMatchATreeMap() {
        for (long seed = 0; seed < 50; seed++) {
            Random rnd = new Random(seed);
            PageList list = new PageList();
            TreeMap<Long, Slot> ref = new TreeMap<>();
            long span = 1L << (4 + rnd.nextInt(40));
            for (int i = 0; i < 3000; i++) {
                long key = (long) (rnd.nextDouble() * span);
                int op = rnd.nextInt(10);
                if (op < 5) {
                    Slot s = rnd.nextInt(4) == 0 ? Slot.marker() : Slot.page(new byte[0]);
                    assertThat(list.put(key, s)).as("seed %d", seed).isSameAs(ref.put(key, s));
                } else if (op < 8) {
                    Long ceiling = ref.ceilingKey(key);
                    long k = ceiling == null || rnd.nextBoolean() ? key : ceiling;
                    assertThat(list.remove(k)).as("seed %d", seed).isSameAs(ref.remove(k));
                } else {
                    assertThat(list.get(key)).isSameAs(ref.get(key));
                }
            }
            assertThat(list.size()).isEqualTo(ref.size());
            assertThat(list.pageCount())
                    .isEqualTo(ref.values().stream().filter(s -> !s.isMarker()).count());
            assertThat(list.indices())
                    .containsExactly(
                            ref.keySet().stream().mapToLong(Long::longValue).toArray());
            long lo = (long) (rnd.nextDouble() * span);
            long hi = lo + (long) (rnd.nextDouble() * span / 4);
            assertThat(list.indicesInRange(lo, hi))
                    .containsExactly(ref.subMap(lo, hi).keySet().stream()
                            .mapToLong(Long::longValue)
                            .toArray());
            assertThat(list.anyInRange(lo, hi)).isEqualTo(!ref.subMap(lo, hi).isEmpty());
            for (Map.Entry<Long, Slot> e : ref.entrySet()) {
                assertThat(list.get(e.getKey())).isSameAs(e.getValue());
            }
        }
    }

    @Test
    void markerAndPageConversionsKeepThePageCount() {
        PageList list = new PageList();
        Slot s = Slot.page(new byte[4096]);
        list.put(7, s);
        assertThat(list.pageCount()).isEqualTo(1);
        s.page = null;
        list.recount(false, s);
        assertThat(list.pageCount()).isZero();
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void reservingRoomKeepsEveryEntryAndRefusesAbsurdSizes() {
        PageList list = new PageList();
        java.util.TreeMap<Long, Slot> reference = new java.util.TreeMap<>();
        for (long k = 0; k < 100; k++) {
            Slot s = k % 3 == 0 ? Slot.marker() : Slot.page(new byte[4096]);
            list.put(k * 7, s);
            reference.put(k * 7, s);
        }
        list.reserve(5000);
        list.reserve(Long.MAX_VALUE / 2); // a hostile range length must not allocate
        for (long k = 100; k < 3000; k++) {
            Slot s = Slot.page(new byte[4096]);
            list.put(k * 7, s);
            reference.put(k * 7, s);
        }
        assertThat(list.size()).isEqualTo(reference.size());
        reference.forEach((k, v) -> assertThat(list.get(k)).isSameAs(v));
        assertThat(list.pageCount())
                .isEqualTo(
                        reference.values().stream().filter(v -> !v.isMarker()).count());
    }
}
