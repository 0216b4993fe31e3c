package dev.bootsplice.vm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Set;

/** Koids, the live VMOs and their deaths: re-parenting of user-visible children and node release. */
final class VmoRegistry {
    private final CowTree tree;
    final Set<Vmo> live = Collections.newSetFromMap(new LinkedHashMap<>());
    private long nextKoid = 1024;
    long created;

    VmoRegistry(CowTree tree) {
        this.tree = tree;
    }

    long nextKoid() {
        return nextKoid++;
    }

    Vmo add(
            Vmo.Kind kind,
            Vmo.ChildType type,
            CowPages node,
            long windowOffset,
            long fixedSize,
            boolean resizable,
            boolean discardable,
            Vmo.ContentSize contentSize) {
        Vmo vmo = new Vmo(
                nextKoid++, kind, type, node, windowOffset, fixedSize, resizable, discardable, contentSize, this::died);
        if (node != null) {
            node.vmoRefs++;
            if (node.owner == null && type != Vmo.ChildType.SLICE && type != Vmo.ChildType.REFERENCE) {
                node.owner = vmo;
            }
        }
        live.add(vmo);
        created++;
        return vmo;
    }

    /** The last handle and PMT of {@code vmo} are gone: re-parent its children (§5.9), release its node. */
    private void died(Vmo vmo) {
        vmo.alive = false;
        live.remove(vmo);
        if (vmo.parent != null) {
            vmo.parent.children.remove(vmo);
        }
        for (Vmo c : vmo.children) {
            c.parent = vmo.parent;
            if (vmo.parent != null) {
                vmo.parent.children.add(c);
            }
        }
        vmo.children.clear();
        vmo.parent = null;
        if (vmo.node != null && --vmo.node.vmoRefs == 0) {
            NodeLifecycle.releaseNode(tree, vmo.node);
        } else if (vmo.node != null && vmo.node.owner == vmo) {
            vmo.node.owner = null;
        }
    }
}
