// Reads the packed images back with the bootfs-format library and checks their items, names and bytes.
import dev.bootsplice.format.Bootfs
import dev.bootsplice.format.Compression
import dev.bootsplice.format.ImagePacker
import dev.bootsplice.format.ItemType
import dev.bootsplice.format.ZbiImage
import java.nio.charset.StandardCharsets
import java.nio.file.Files

def text = { buffer ->
    byte[] bytes = new byte[buffer.remaining()]
    buffer.duplicate().get(bytes)
    new String(bytes, StandardCharsets.UTF_8)
}
def withImage = { String name, Closure check ->
    File file = new File(basedir, "target/$name")
    assert file.isFile() : "no image at $file"
    ZbiImage image = ZbiImage.open(file.toPath())
    try {
        check(image)
    } finally {
        image.close()
    }
}
def bootfsOf = { ZbiImage image -> Bootfs.parse(image.firstBootfs().get().payload()) }
def names = { Bootfs bootfs -> bootfs.entries().collect { it.name() }.sort() }
def content = { Bootfs bootfs, String name -> text(bootfs.content(bootfs.entries().find { it.name() == name })) }
def treeNames = ['bin/app', 'bin/app-copy', 'config/boot.cfg', 'etc/motd', 'lib/ld.so.1']

def packedTypes = [ItemType.KERNEL_X64, ItemType.PLATFORM_ID, ItemType.CMDLINE, ItemType.BOOTFS]

// 1. The main image: kernel first, the extra item, the merged command line, the BOOTFS last.
withImage('pack-tree-1.0.zbi') { ZbiImage zbi ->
    assert !zbi.isBareBootfs()
    assert zbi.items().collect { it.type() } == packedTypes
    assert zbi.bootability().bootable()
    assert zbi.items().every { it.hasCrc32() && it.crcStatus().name() == 'OK' }
    assert text(zbi.items()[0].payload()).endsWith('not a real kernel\n')

    assert text(zbi.items()[1].payload()).startsWith('bootsplice-it-board')
    def bootfsItem = zbi.items()[3]
    assert bootfsItem.isCompressed() && bootfsItem.codec().get().displayName() == 'zstd'
    Bootfs bootfs = bootfsOf(zbi)
    assert names(bootfs) == treeNames
    assert content(bootfs, 'bin/app') == 'hello from bin/app\n'
    assert content(bootfs, 'etc/motd') == 'welcome to the IT image\n'
    assert content(bootfs, 'lib/ld.so.1') == 'not really a dynamic linker\n'
    // Equal contents share one data range.
    def entry = { name -> bootfs.entries().find { it.name() == name } }
    assert entry('bin/app').dataOffset() == entry('bin/app-copy').dataOffset()

    String cmdline = text(zbi.items()[2].payload())
    assert cmdline.contains('console=serial') && cmdline.contains('kernel.halt-on-panic=true')
}

// 2. The repack: the input ZBI's kernel and command line kept, its files merged unprefixed, new ones prefixed.
withImage('repacked.zbi') { ZbiImage zbi ->
    assert zbi.items().collect { it.type() } == packedTypes
    assert zbi.items()[3].codec().get().displayName() == 'lz4f'
    Bootfs bootfs = bootfsOf(zbi)
    assert names(bootfs) == (treeNames + 'extra/note.txt').sort()
    assert content(bootfs, 'extra/note.txt') == 'added by the repack execution\n'
    assert content(bootfs, 'etc/motd') == 'welcome to the IT image\n'
}

// 3. The bare BOOTFS: no container, the tree only, not attached.
withImage('pack-tree.bootfs') { ZbiImage image ->
    assert image.isBareBootfs()
    assert names(bootfsOf(image)) == treeNames - 'etc/motd'
}

// The same request made straight to the library `bootsplice pack` runs on gives the same bytes: the plugin adds nothing.
def direct = new ByteArrayOutputStream()
new ImagePacker().input(new File(basedir, 'src/boot').toPath()).input(new File(basedir, 'src/extra/extra.manifest').toPath())
        .kernel(new File(basedir, 'src/kernel.bin').toPath())
        .item(ItemType.PLATFORM_ID, new File(basedir, 'src/platform-id.bin').toPath()).cmdline('console=serial').cmdline('kernel.halt-on-panic=true')
        .compression(Compression.parse('zstd:9')).writeTo(direct)
assert Arrays.equals(direct.toByteArray(), new File(basedir, 'target/pack-tree-1.0.zbi').bytes)

// install published the attached images byte for byte, and only those.
File repoDir = new File(localRepositoryPath, 'dev/bootsplice/it/pack-tree/1.0')
['pack-tree-1.0.zbi': 'pack-tree-1.0-boot.zbi', 'repacked.zbi': 'pack-tree-1.0-repacked.zbi'].each { built, installed ->
    File file = new File(repoDir, installed)
    assert file.isFile() : "not installed: $file"
    assert Arrays.equals(Files.readAllBytes(file.toPath()), new File(basedir, "target/$built").bytes)
}
assert !repoDir.list().any { it.endsWith('.bootfs') }

// The second invocation found nothing changed and packed nothing again.
String log = new File(basedir, 'build.log').getText('UTF-8').replaceAll(/\u001B\[[;\d]*m/, '')  // without colours
assert log.count('bootsplice: Packed ') == 3 : 'an image was packed twice'
assert log.count(' is up to date') == 3
return true
