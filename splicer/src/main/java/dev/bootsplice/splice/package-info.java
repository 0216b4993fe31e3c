/**
 * The boot scenario: an image's BOOTFS loaded into a root VMO of the model and every file given its
 * own VMO by one {@link dev.bootsplice.splice.Strategy}, then boot accesses replayed from a
 * {@link dev.bootsplice.splice.Trace}. Entry point: {@link dev.bootsplice.splice.Splicer#splice}.
 * Like the model it drives, everything here is single-threaded; a result belongs to one thread.
 */
package dev.bootsplice.splice;
