package dev.bootsplice.vm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** {@code describeTree()} and {@code toDot()}: the node forest with the VMOs that view each node. */
final class TreeDump {
    private final Kernel kernel;
    private final java.util.Map<CowPages, List<String>> views = new java.util.IdentityHashMap<>();

    TreeDump(Kernel kernel) {
        this.kernel = kernel;
        for (Vmo v : kernel.vmos.live) {
            if (v.node != null) {
                views.computeIfAbsent(v.node, n -> new ArrayList<>()).add(vmoLabel(v));
            }
        }
    }

    /** One line per node, children indented by two spaces; iterative, so deep chains are fine. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (CowPages root : roots()) {
            Deque<Object[]> stack = new ArrayDeque<>();
            stack.push(new Object[] {root, 0});
            while (!stack.isEmpty()) {
                Object[] top = stack.pop();
                CowPages n = (CowPages) top[0];
                int depth = (Integer) top[1];
                sb.append("  ".repeat(Math.min(depth, 64)))
                        .append(depth > 64 ? "(depth " + depth + ") " : "")
                        .append(label(n))
                        .append('\n');
                for (int i = n.children.size() - 1; i >= 0; i--) {
                    stack.push(new Object[] {n.children.get(i), depth + 1});
                }
            }
        }
        for (Vmo v : kernel.vmos.live) {
            if (v.node == null) {
                sb.append(vmoLabel(v))
                        .append(" physical, ")
                        .append(v.sizePages())
                        .append(" pages\n");
            }
        }
        return sb.toString();
    }

    /** Graphviz source, nodes in creation order: hidden nodes as grey ellipses, visible nodes as boxes. */
    String dot() {
        StringBuilder sb = new StringBuilder("digraph vmo {\n  node [fontname=\"monospace\"];\n");
        List<CowPages> nodes = new ArrayList<>(kernel.tree.liveNodes());
        nodes.sort((a, b) -> Long.compare(a.id, b.id));
        for (CowPages n : nodes) {
            sb.append("  n")
                    .append(n.id)
                    .append(" [label=\"")
                    .append(label(n).replace("\"", "\\\""))
                    .append(
                            n.hidden
                                    ? "\", shape=ellipse, style=filled, fillcolor=lightgrey];\n"
                                    : "\", shape=box];\n");
            if (n.parent != null) {
                sb.append("  n")
                        .append(n.parent.id)
                        .append(" -> n")
                        .append(n.id)
                        .append(" [label=\"+")
                        .append(n.parentOffset)
                        .append("p limit ")
                        .append(n.parentLimit)
                        .append(n.parent.hidden ? "p\"];\n" : "p\", style=dashed];\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private List<CowPages> roots() {
        List<CowPages> roots = new ArrayList<>();
        for (CowPages n : kernel.tree.liveNodes()) {
            if (n.parent == null) {
                roots.add(n);
            }
        }
        roots.sort((a, b) -> Long.compare(a.id, b.id));
        return roots;
    }

    private String label(CowPages n) {
        StringBuilder sb = new StringBuilder();
        if (n.hidden) {
            sb.append("hidden#").append(n.id);
        } else {
            List<String> views = this.views.getOrDefault(n, List.of());
            sb.append("node#")
                    .append(n.id)
                    .append(' ')
                    .append(views.isEmpty() ? "(dead VMO)" : String.join(" ", views));
        }
        sb.append(" size=").append(n.size).append("p owned=").append(n.pages.pageCount());
        long markers = n.pages.size() - n.pages.pageCount();
        if (markers > 0) {
            sb.append(" markers=").append(markers);
        }
        if (n.parent != null) {
            sb.append(" at=+")
                    .append(n.parentOffset)
                    .append("p limit=")
                    .append(n.parentLimit)
                    .append('p');
        }
        if (n.source != CowPages.Source.NONE) {
            sb.append(" source=").append(n.source.name().toLowerCase());
        }
        return sb.toString();
    }

    private static String vmoLabel(Vmo v) {
        String kind = v.type == Vmo.ChildType.NONE
                ? v.kind.name().toLowerCase()
                : v.type.name().toLowerCase();
        String window = v.isSlice() ? "[+" + v.windowOffset + "p," + v.sizePages() + "p]" : "";
        return "koid=" + v.koid() + " " + kind + window + (v.name.isEmpty() ? "" : " \"" + v.name + "\"");
    }
}
