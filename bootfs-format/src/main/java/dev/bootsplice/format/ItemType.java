package dev.bootsplice.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ZBI item type code with its canonical name, class (storage, kernel, driver metadata) and extraction
 * extension (spec §1.7). Known types are interned constants; any other code is accepted and has no name.
 */
public final class ItemType {
    private static final Map<Integer, ItemType> KNOWN = new LinkedHashMap<>();

    public static final ItemType CONTAINER = known(0x544f4f42, "CONTAINER", ".bin", true);
    public static final ItemType KERNEL_X64 = known(0x4c4e524b, "KERNEL_X64", ".bin", false);
    public static final ItemType KERNEL_ARM64 = known(0x384e524b, "KERNEL_ARM64", ".bin", false);
    public static final ItemType KERNEL_RISCV64 = known(0x564e524b, "KERNEL_RISCV64", ".bin", false);
    public static final ItemType DISCARD = known(0x50494b53, "DISCARD", ".bin", false);
    public static final ItemType RAMDISK = known(0x4b534452, "RAMDISK", ".bin", true);
    public static final ItemType BOOTFS = known(0x42534642, "BOOTFS", ".bin", true);
    /** ZBI_TYPE_STORAGE_KERNEL ("KSTR"), canonical name KERNEL; unknown to the 2020 tool. */
    public static final ItemType STORAGE_KERNEL = known(0x5254534b, "KERNEL", ".bin", true);
    /** Despite its name not a storage type (zbitl {@code TypeIsStorage}). */
    public static final ItemType BOOTFS_FACTORY = known(0x46534642, "BOOTFS_FACTORY", ".bin", false);

    public static final ItemType CMDLINE = known(0x4c444d43, "CMDLINE", ".txt", false);
    public static final ItemType CRASHLOG = known(0x4d4f4f42, "CRASHLOG", ".bin", false);
    public static final ItemType NVRAM = known(0x4c4c564e, "NVRAM", ".bin", false);
    public static final ItemType NVRAM_DEPRECATED = known(0x4c4c5643, null, ".bin", false);
    public static final ItemType PLATFORM_ID = known(0x44494c50, "PLATFORM_ID", ".bin", false);
    public static final ItemType DRV_BOARD_INFO = known(0x4953426d, "DRV_BOARD_INFO", ".bin", false);
    public static final ItemType DRV_MAC_ADDRESS = known(0x43414d6d, "DRV_MAC_ADDRESS", ".bin", true);
    public static final ItemType DRV_PARTITION_MAP = known(0x5452506d, "DRV_PARTITION_MAP", ".bin", true);
    public static final ItemType DRV_BOARD_PRIVATE = known(0x524f426d, "DRV_BOARD_PRIVATE", ".bin", false);
    public static final ItemType CPU_TOPOLOGY = known(0x43505533, null, ".bin", false);
    public static final ItemType DEPRECATED_CPU_TOPOLOGY_V1 =
            known(0x43555043, "DEPRECATED_CPU_TOPOLOGY_V1", ".bin", false);
    public static final ItemType DEPRECATED_CPU_TOPOLOGY_V2 =
            known(0x544f504f, "DEPRECATED_CPU_TOPOLOGY_V2", ".bin", false);
    public static final ItemType MEM_CONFIG = known(0x434d454d, "MEM_CONFIG", ".bin", false);
    public static final ItemType KERNEL_DRIVER = known(0x5652444b, "KERNEL_DRIVER", ".bin", true);
    public static final ItemType ACPI_RSDP = known(0x50445352, "ACPI_RSDP", ".bin", false);
    public static final ItemType SMBIOS = known(0x49424d53, "SMBIOS", ".bin", false);
    public static final ItemType EFI_SYSTEM_TABLE = known(0x53494645, "EFI_SYSTEM_TABLE", ".bin", false);
    public static final ItemType EFI_MEMORY_ATTRIBUTES_TABLE =
            known(0x54414d45, "EFI_MEMORY_ATTRIBUTES_TABLE", ".bin", false);
    public static final ItemType FRAMEBUFFER = known(0x42465753, "FRAMEBUFFER", ".bin", false);
    public static final ItemType IMAGE_ARGS = known(0x47524149, "IMAGE_ARGS", ".txt", false);
    public static final ItemType BOOT_VERSION = known(0x53525642, "BOOT_VERSION", ".bin", false);
    public static final ItemType HW_REBOOT_REASON = known(0x42525748, "HW_REBOOT_REASON", ".bin", false);
    public static final ItemType SERIAL_NUMBER = known(0x4e4c5253, "SERIAL_NUMBER", ".txt", false);
    public static final ItemType BOOTLOADER_FILE = known(0x4c465442, "BOOTLOADER_FILE", ".bin", false);
    public static final ItemType DEVICETREE = known(0xd00dfeed, "DEVICETREE", ".dtb", false);
    public static final ItemType SECURE_ENTROPY = known(0x444e4152, "ENTROPY", ".bin", false);
    public static final ItemType DEBUGDATA = known(0x44474244, null, ".bin", false);
    public static final ItemType RISCV64_ISA_STRTAB = known(0x41534956, null, ".bin", false);
    public static final ItemType LINUX_BOOTCONFIG = known(0x47464342, null, ".bin", false);
    public static final ItemType EFI_MEMORY_MAP = known(0x4d494645, null, ".bin", false);
    public static final ItemType E820_TABLE = known(0x30323845, null, ".bin", false);

    private final int code;
    private final String name;
    private final String extension;
    /** True when the format defines a use for {@code extra} (rule Z19 does not apply). */
    private final boolean definesExtra;

    private ItemType(int code, String name, String extension, boolean definesExtra) {
        this.code = code;
        this.name = name;
        this.extension = extension;
        this.definesExtra = definesExtra;
    }

    private static ItemType known(int code, String name, String extension, boolean definesExtra) {
        ItemType type = new ItemType(code, name, extension, definesExtra);
        KNOWN.put(code, type);
        return type;
    }

    /** Returns the type with this code: the interned constant when known, else a new nameless type. */
    public static ItemType of(int code) {
        ItemType type = KNOWN.get(code);
        return type != null ? type : new ItemType(code, null, ".bin", false);
    }

    /**
     * Parses a canonical name (case-insensitive) or a hexadecimal code with optional {@code 0x}, as the
     * reference tool's {@code --type} does.
     *
     * @throws IllegalArgumentException {@code unrecognized type: TEXT} when it is neither
     */
    public static ItemType parse(String nameOrHex) {
        for (ItemType type : KNOWN.values()) {
            if (type.name != null && type.name.equalsIgnoreCase(nameOrHex)) {
                return type;
            }
        }
        String hex = nameOrHex.regionMatches(true, 0, "0x", 0, 2) ? nameOrHex.substring(2) : nameOrHex;
        if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("unrecognized type: " + nameOrHex);
        }
        return of((int) Long.parseLong(hex, 16));
    }

    /** Returns every type with a constant here, in table order. */
    public static Map<Integer, ItemType> knownTypes() {
        return Collections.unmodifiableMap(KNOWN);
    }

    /** Returns the type code as stored in the header (compare unsigned). */
    public int code() {
        return code;
    }

    /** Returns the canonical name (zbitl {@code TypeName}), or null when the type has none. */
    public String name() {
        return name;
    }

    /** Returns the canonical name, or {@code UNKNOWN (type=%08x)} as the reference tool lists a nameless type. */
    public String displayName() {
        return name != null ? name : String.format("UNKNOWN (type=%08x)", code);
    }

    /** Returns the canonical name, or the code as {@code 0x%08x}; used in one-line messages. */
    public String shortName() {
        return name != null ? name : String.format("0x%08x", code);
    }

    /** Returns the four characters of the little-endian code, non-printable bytes as '.' (a display convention). */
    public String fourCc() {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int b = (code >>> (8 * i)) & 0xff;
            s.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return s.toString();
    }

    /** Returns true for RAMDISK, BOOTFS and STORAGE_KERNEL exactly (zbitl {@code TypeIsStorage}). */
    public boolean isStorage() {
        return code == RAMDISK.code || code == BOOTFS.code || code == STORAGE_KERNEL.code;
    }

    /** Returns true when {@code (code & 0x00ffffff) == 0x004e524b}. */
    public boolean isKernel() {
        return (code & ZbiConstants.KERNEL_MASK) == ZbiConstants.KERNEL_PREFIX;
    }

    /** Returns true when {@code (code & 0xff) == 0x6d}. */
    public boolean isDriverMetadata() {
        return (code & ZbiConstants.DRIVER_METADATA_MASK) == ZbiConstants.DRIVER_METADATA_PREFIX;
    }

    /** Returns true when the format gives {@code extra} a meaning for this type (rule Z19). */
    public boolean definesExtra() {
        return definesExtra;
    }

    /** Returns the extraction extension: ".txt" for text types, ".dtb" for DEVICETREE, else ".bin". */
    public String extension() {
        return extension;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemType other && other.code == code;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(code);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
