// Reads the packed image back with the bootfs-format library and checks its items, names and bytes.
import dev.bootsplice.format.Bootfs
import dev.bootsplice.format.ItemType
import dev.bootsplice.format.ZbiImage
import java.nio.charset.StandardCharsets
import java.nio.file.Files

File image = new File(basedir, 'target/pack-tree-1.0.zbi')
assert image.isFile() : "no image at $image"

def text = { buffer ->
    byte[] bytes = new byte[buffer.remaining()]
    buffer.duplicate().get(bytes)
    new String(bytes, StandardCharsets.UTF_8)
}

ZbiImage zbi = ZbiImage.open(image.toPath())
try {
    assert !zbi.isBareBootfs()
    // The packer's order: the merged CMDLINE, then the BOOTFS last.
    assert zbi.items().collect { it.type() } == [ItemType.CMDLINE, ItemType.BOOTFS]

    def bootfsItem = zbi.items()[1]
    assert bootfsItem.isCompressed() : 'the BOOTFS item should be zstd-compressed'
    assert bootfsItem.codec().get().displayName() == 'zstd'
    assert zbi.items().every { it.hasCrc32() && it.crcStatus().name() == 'OK' }

    Bootfs bootfs = Bootfs.parse(bootfsItem.payload())
    def names = bootfs.entries().collect { it.name() }
    assert names.sort(false) == ['bin/app', 'bin/app-copy', 'config/boot.cfg', 'etc/motd', 'lib/ld.so.1']
    def entry = { name -> bootfs.entries().find { it.name() == name } }
    assert text(bootfs.content(entry('bin/app'))) == 'hello from bin/app\n'
    assert text(bootfs.content(entry('etc/motd'))) == 'welcome to the IT image\n'
    assert text(bootfs.content(entry('lib/ld.so.1'))) == 'not really a dynamic linker\n'
    // Equal contents share one data range.
    assert entry('bin/app').dataOffset() == entry('bin/app-copy').dataOffset()

    String cmdline = text(zbi.items()[0].payload())
    assert cmdline.contains('console=serial') && cmdline.contains('kernel.halt-on-panic=true')
} finally {
    zbi.close()
}

// install published the attached artifact, byte for byte.
File installed = new File(localRepositoryPath, 'dev/bootsplice/it/pack-tree/1.0/pack-tree-1.0-boot.zbi')
assert installed.isFile() : "not installed: $installed"
assert Arrays.equals(Files.readAllBytes(installed.toPath()), Files.readAllBytes(image.toPath()))

// The second invocation found nothing changed and did not pack again.
String log = new File(basedir, 'build.log').getText('UTF-8').replaceAll(/\u001B\[[;\d]*m/, '')  // without colours
assert log.count('Packed ') == 1 : 'the image was packed more than once'
assert log.contains('is up to date')
return true
