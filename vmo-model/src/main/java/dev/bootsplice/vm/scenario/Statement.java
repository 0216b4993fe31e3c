package dev.bootsplice.vm.scenario;

import dev.bootsplice.vm.ZxStatus;
import java.util.List;

/**
 * One parsed scenario statement.
 *
 * @param line 1-based line number
 * @param text the statement as written (without comment), for messages
 * @param bind the name bound by {@code NAME = ...}, or null
 * @param verb the statement's keyword, e.g. {@code vmo_create}
 * @param args the arguments after the verb, strings already unescaped
 * @param expected the status after {@code ->}, or OK
 */
record Statement(int line, String text, String bind, String verb, List<String> args, ZxStatus expected) {}
