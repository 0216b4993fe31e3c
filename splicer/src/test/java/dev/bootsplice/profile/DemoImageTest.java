package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoImageTest {
    @Test
    void theDemoImageIsGeneratedOncePerJvmAndTheSameOnEveryGeneration() throws Exception {
        byte[] first = DemoImage.bytes();
        assertThat(DemoImage.bytes()).isSameAs(first);
        assertThat(DemoImage.generate()).isEqualTo(first);
    }

    @Test
    void theDemoImageIsProductShaped() throws Exception {
        ZbiImage image = DemoImage.open();
        assertThat(image.name()).isEqualTo("demo");
        assertThat(image.items().get(0).type().isKernel()).isTrue();
        assertThat(image.firstBootfs().orElseThrow().isCompressed()).isTrue();
        List<BootfsEntry> entries =
                Bootfs.parse(image.firstBootfs().orElseThrow().payload()).entries();
        assertThat(entries).hasSize(DemoImage.FILES);
        for (String dir : List.of("bin/", "lib/", "driver/", "blob/")) {
            assertThat(entries).as(dir).anySatisfy(e -> assertThat(e.name()).startsWith(dir));
        }
        assertThat(entries).as("empty files").anySatisfy(e -> assertThat(e.dataLength())
                .isZero());
        assertThat(image.items()).extracting(i -> i.type()).contains(ItemType.BOOTFS);
    }
}
