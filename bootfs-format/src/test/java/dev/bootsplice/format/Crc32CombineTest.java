package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.zip.CRC32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class Crc32CombineTest {
    @Property(tries = 200)
    void combiningTwoCrcsEqualsTheCrcOfTheConcatenation(
            @ForAll @Size(max = 300) byte[] a, @ForAll @Size(max = 300) byte[] b) {
        CRC32 whole = new CRC32();
        whole.update(a);
        whole.update(b);
        assertThat(Crc32Combine.combine(crc(a), crc(b), b.length)).isEqualTo(whole.getValue());
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
