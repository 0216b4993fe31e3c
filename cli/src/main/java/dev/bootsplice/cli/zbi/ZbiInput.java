package dev.bootsplice.cli.zbi;

import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiAssembly.InputOptions;

/**
 * One input argument of {@code zbi}: a FILE or DIRECTORY, or an {@code --entry} TEXT, with the input switches
 * in force where it appeared.
 *
 * @param text the path as given, or the entry's text
 * @param entry true for {@code --entry} TEXT
 * @param type the {@code --type} in force, or null in files mode ({@code -F}, the default)
 * @param options the other input switches in force
 */
record ZbiInput(String text, boolean entry, ItemType type, InputOptions options) {}
