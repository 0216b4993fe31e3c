package dev.bootsplice.splice;

import dev.bootsplice.vm.CloneFlavour;
import dev.bootsplice.vm.TransferProfile;
import java.util.Arrays;
import java.util.Locale;

/**
 * A Zircon kernel the boot scenario runs on, as the historically matching transfer profile and
 * clone flavour of `zircon-vm.md` §2.2: 2023 = RFC_0223 + LEGACY_CHAIN (the kernel RFC-0223 was
 * written against), 2024 = ZIRCON_2024 + SHARE_COUNT (shipped), 2025 = ZIRCON_2024 +
 * PARENT_CONTENT.
 */
public enum KernelEra {
  /** RFC-0223 transfers on split-bit clone chains. */
  K2023("2023", TransferProfile.RFC_0223, "LEGACY_CHAIN"),
  /** The shipped transfer code on share-count clones. */
  K2024("2024", TransferProfile.ZIRCON_2024, "SHARE_COUNT"),
  /** The shipped transfer code on ParentContent-marker clones. */
  K2025("2025", TransferProfile.ZIRCON_2024, "PARENT_CONTENT");

  private final String cliName;
  private final TransferProfile profile;
  // by name: the model gains flavours independently of the splicer
  private final String clonesName;

  KernelEra(String cliName, TransferProfile profile, String clonesName) {
    this.cliName = cliName;
    this.profile = profile;
    this.clonesName = clonesName;
  }

  /** The name the command line and the reports use: {@code 2023}, {@code 2024} or {@code 2025}. */
  public String cliName() {
    return cliName;
  }

  /** The transfer profile of this kernel. */
  public TransferProfile profile() {
    return profile;
  }

  /** The clone flavour of this kernel. @throws IllegalStateException if the model lacks it */
  public CloneFlavour clones() {
    return flavourNamed(clonesName).orElseThrow(() -> new IllegalStateException(
        "kernel " + cliName + " needs the " + clonesName + " clone flavour, which this build's VMO model does not have"));
  }

  /** Whether this build's model has this kernel's clone flavour. */
  public boolean available() {
    return flavourNamed(clonesName).isPresent();
  }

  /**
   * The kernel called {@code name} ({@code 2023}, {@code 2024} or {@code 2025}).
   *
   * @throws IllegalArgumentException naming the valid choices, or saying that the model lacks it
   */
  public static KernelEra parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (KernelEra k : values()) {
      if (k.cliName.equals(wanted)) {
        if (!k.available()) {
          throw new IllegalArgumentException("kernel " + k.cliName + " needs the " + k.clonesName
              + " clone flavour, which this build's VMO model does not have yet (available: 2023, 2024)");
        }
        return k;
      }
    }
    throw new IllegalArgumentException("unknown kernel \"" + name + "\" (expected 2023, 2024 or 2025)");
  }

  private static java.util.Optional<CloneFlavour> flavourNamed(String name) {
    return Arrays.stream(CloneFlavour.values()).filter(f -> f.name().equals(name)).findFirst();
  }
}
