package dev.bootsplice.vm;

/**
 * The syscall surface of the VMO model: one method per {@code zx_*} call. Every method returns its
 * result or throws {@link ZxException} with the status Zircon would return (zircon-vm.md).
 * Not thread-safe (see the package documentation).
 */
public final class Kernel {
    final KernelConfig config;
    final PhysicalMemory memory;
    final Pager pager;
    final CowTree tree;
    final HandleTable handles = new HandleTable();
    private final HopHistogram hops = new HopHistogram();
    final VmoRegistry vmos;
    private final RootFactory roots;
    private final ChildFactory children;
    private final VmoIo io;
    private final RangeOps rangeOps;
    private final Pinning pinning;
    private final TransferData transfer;
    private final ObjectProperties properties = new ObjectProperties(this);
    private final ExecutableReplacer executables = new ExecutableReplacer(handles);
    private final Lookup depthScratch = new Lookup();
    private long syscalls;

    /** Creates an empty model. */
    public Kernel(KernelConfig config) {
        this.config = config;
        this.memory = new PhysicalMemory(config.memoryLimitPages());
        this.pager = new Pager(memory);
        this.tree = new CowTree(memory, config.clones(), pager);
        this.vmos = new VmoRegistry(tree);
        this.roots = new RootFactory(this);
        this.children = new ChildFactory(this);
        this.io = new VmoIo(this);
        this.rangeOps = new RangeOps(this);
        this.pinning = new Pinning(this);
        this.transfer = new TransferData(this);
    }

    /** The configuration this model runs with. */
    public KernelConfig config() {
        return config;
    }

    /**
     * {@code zx_vmo_create}: a zero-filled anonymous VMO of {@code size} rounded up to a page, with
     * content size {@code size}.
     * <p><b>Rights</b>: none. The handle gets DEFAULT_VMO, plus RESIZE if RESIZABLE.
     * <p><b>Errors</b>: INVALID_ARGS unknown option bits, DISCARDABLE or UNBOUNDED with RESIZABLE;
     * OUT_OF_RANGE size overflows when rounded or exceeds MAX_SIZE.
     */
    public int vmoCreate(long size, int options) {
        syscalls++;
        return roots.anonymous(size, options);
    }

    /**
     * {@code zx_vmo_create_child}: a SNAPSHOT, SNAPSHOT_AT_LEAST_ON_WRITE, SNAPSHOT_MODIFIED, SLICE
     * or REFERENCE child of {@code [offset, offset+size)}.
     * <p><b>Rights</b>: {@code handle} needs DUPLICATE and READ; the child's rights follow §5.5.
     * <p><b>Errors</b>: BAD_HANDLE, WRONG_TYPE, ACCESS_DENIED; INVALID_ARGS, OUT_OF_RANGE,
     * NOT_SUPPORTED, BAD_STATE, NO_MEMORY as zircon-vm.md §5.8 lists.
     */
    public int vmoCreateChild(int handle, int options, long offset, long size) {
        syscalls++;
        int child = children.create(handle, options, offset, size);
        // vmo.cc sys_vmo_create_child: kImmutable only for NO_WRITE with an explicit SNAPSHOT
        boolean explicitSnapshot = (options & VmoOptions.CHILD_SNAPSHOT) != 0;
        handles.resolve(child, Vmo.class, Rights.NONE).immutable =
                explicitSnapshot && (options & VmoOptions.CHILD_NO_WRITE) != 0;
        return child;
    }

    /**
     * {@code zx_vmo_read}: copies {@code length} bytes at {@code offset} into {@code dst}.
     * <p><b>Rights</b>: READ.
     * <p><b>Errors</b>: BAD_HANDLE, WRONG_TYPE, ACCESS_DENIED; INVALID_ARGS the buffer range is
     * invalid; OUT_OF_RANGE the range is outside the VMO; NOT_SUPPORTED physical VMO;
     * SHOULD_WAIT a pager page was not supplied.
     */
    public void vmoRead(int handle, byte[] dst, int dstOffset, long offset, int length) {
        syscalls++;
        io.read(handles.resolve(handle, Vmo.class, Rights.READ), dst, dstOffset, offset, length);
    }

    /**
     * {@code zx_vmo_write}: copies {@code length} bytes of {@code src} to {@code offset}, forking
     * copy-on-write pages first.
     * <p><b>Rights</b>: WRITE.
     * <p><b>Errors</b>: BAD_HANDLE, WRONG_TYPE, ACCESS_DENIED; INVALID_ARGS the buffer range is
     * invalid; OUT_OF_RANGE; NOT_SUPPORTED physical VMO; NO_MEMORY; SHOULD_WAIT.
     */
    public void vmoWrite(int handle, byte[] src, int srcOffset, long offset, int length) {
        syscalls++;
        io.write(handles.resolve(handle, Vmo.class, Rights.WRITE), src, srcOffset, offset, length);
    }

    /**
     * {@code zx_vmo_write} of {@code length} copies of {@code value}, as one syscall, without a user
     * buffer of that length (scenario {@code fill}); counted like {@link #vmoWrite}.
     *
     * @throws ZxException as {@link #vmoWrite}
     */
    public void vmoWriteFill(int handle, long offset, long length, byte value) {
        syscalls++;
        io.fill(handles.resolve(handle, Vmo.class, Rights.WRITE), offset, length, value);
    }

    /**
     * {@code zx_vmo_read} whose bytes are dropped, as one syscall (scenario {@code vmo_read}): the
     * same faults, forks and counters as {@link #vmoRead} without a destination buffer.
     *
     * @throws ZxException as {@link #vmoRead}
     */
    public void vmoReadDiscard(int handle, long offset, long length) {
        syscalls++;
        io.readDiscard(handles.resolve(handle, Vmo.class, Rights.READ), offset, length);
    }

    /**
     * {@code zx_vmo_transfer_data}: moves {@code [srcOffset, srcOffset+length)} of {@code src} to
     * {@code [offset, offset+length)} of {@code dst}; the source range then reads zero.
     * <p><b>Rights</b>: {@code dst} WRITE; {@code src} READ and WRITE.
     * <p><b>Errors</b>: per the configured profile, zircon-vm.md §8.3: INVALID_ARGS, BAD_HANDLE,
     * WRONG_TYPE, ACCESS_DENIED, NOT_SUPPORTED, OUT_OF_RANGE, BAD_STATE, NO_MEMORY.
     */
    public void vmoTransferData(int dst, int options, long offset, long length, int src, long srcOffset) {
        syscalls++;
        transfer.transfer(dst, options, offset, length, src, srcOffset);
    }

    /**
     * {@code zx_vmo_get_size}: the size in bytes, a multiple of the page size.
     * <p><b>Rights</b>: none. <p><b>Errors</b>: BAD_HANDLE, WRONG_TYPE.
     */
    public long vmoGetSize(int handle) {
        syscalls++;
        return handles.resolve(handle, Vmo.class, Rights.NONE).sizeBytes();
    }

    /**
     * {@code zx_vmo_set_size}: resizes to {@code size} rounded up; the content size becomes {@code size}.
     * <p><b>Rights</b>: WRITE; RESIZE too when the VMO is resizable.
     * <p><b>Errors</b>: BAD_HANDLE, WRONG_TYPE, ACCESS_DENIED no WRITE; UNAVAILABLE not resizable
     * (checked before RESIZE); ACCESS_DENIED no RESIZE;
     * OUT_OF_RANGE too large; BAD_STATE a pinned page would be discarded.
     */
    public void vmoSetSize(int handle, long size) {
        syscalls++;
        Vmo vmo = handles.resolve(handle, Vmo.class, Rights.WRITE);
        if (!vmo.resizable) {
            throw new ZxException(ZxStatus.ERR_UNAVAILABLE, "VMO is not resizable");
        }
        if ((handles.get(handle).rights & Rights.RESIZE) == 0) {
            throw new ZxException(ZxStatus.ERR_ACCESS_DENIED, "handle lacks RESIZE");
        }
        rangeOps.setSize(vmo, size);
    }

    /**
     * {@code zx_vmo_op_range}: COMMIT, DECOMMIT or ZERO {@code [offset, offset+size)}.
     * <p><b>Rights</b>: the lookup needs none; each op needs WRITE.
     * <p><b>Errors</b>: BAD_HANDLE, WRONG_TYPE; ACCESS_DENIED; INVALID_ARGS unknown op;
     * NOT_SUPPORTED other known ops, physical VMOs, DECOMMIT of COW-related or pager VMOs;
     * OUT_OF_RANGE; BAD_STATE pinned pages (DECOMMIT); NO_MEMORY (COMMIT).
     */
    public void vmoOpRange(int handle, int op, long offset, long size) {
        syscalls++;
        rangeOps.opRange(handles.resolve(handle, Vmo.class, Rights.NONE), handles.get(handle).rights, op, offset, size);
    }

    /**
     * {@code zx_vmo_set_cache_policy}: CACHED (0), UNCACHED (1), UNCACHED_DEVICE (2) or
     * WRITE_COMBINING (3). Uncached VMOs refuse copy-on-write and reference children and ZERO.
     * <p><b>Rights</b>: MAP.
     * <p><b>Errors</b>: BAD_HANDLE, WRONG_TYPE, ACCESS_DENIED; INVALID_ARGS unknown policy;
     * BAD_STATE committed or pinned pages, parent or children.
     */
    public void vmoSetCachePolicy(int handle, int policy) {
        syscalls++;
        RangeOps.setCachePolicy(handles.resolve(handle, Vmo.class, Rights.MAP), policy);
    }

    /**
     * {@code zx_object_set_property(ZX_PROP_NAME)}: names the VMO; at most 31 bytes are kept.
     * <p><b>Rights</b>: SET_PROPERTY (looked up for any object type).
     * <p><b>Errors</b>: BAD_HANDLE, ACCESS_DENIED; NOT_SUPPORTED an object other than a VMO.
     */
    public void setName(int handle, String name) {
        syscalls++;
        properties.setName(handle, name);
    }

    /**
     * {@code zx_object_get_property(ZX_PROP_NAME)}.
     * <p><b>Rights</b>: GET_PROPERTY. <p><b>Errors</b>: BAD_HANDLE, ACCESS_DENIED; NOT_SUPPORTED a non-VMO.
     */
    public String getName(int handle) {
        syscalls++;
        return properties.getName(handle);
    }

    /**
     * {@code zx_object_set_property(ZX_PROP_VMO_CONTENT_SIZE)}: sets the content size (no upper
     * bound) and zeroes {@code [size, vmo size)} when it is smaller than the VMO, ignoring a failed
     * zero as the kernel does (a partial last page is zeroed in place: forked or written unless it
     * already reads zero).
     * <p><b>Rights</b>: SET_PROPERTY only (WRITE is not needed).
     * <p><b>Errors</b>: BAD_HANDLE, ACCESS_DENIED; WRONG_TYPE not a VMO; NOT_SUPPORTED physical or
     * contiguous VMO.
     */
    public void setContentSize(int handle, long size) {
        syscalls++;
        properties.setContentSize(handle, size);
    }

    /**
     * {@code zx_object_get_property(ZX_PROP_VMO_CONTENT_SIZE)}; a reference shares its parent's value.
     * <p><b>Rights</b>: GET_PROPERTY. <p><b>Errors</b>: BAD_HANDLE, ACCESS_DENIED; WRONG_TYPE not a VMO.
     */
    public long getContentSize(int handle) {
        syscalls++;
        return properties.getContentSize(handle);
    }

    /**
     * {@code zx_vmo_replace_as_executable}: a new handle with {@code handle}'s rights plus EXECUTE;
     * {@code handle} is removed first and is gone whatever the outcome. {@code vmex} 0
     * (ZX_HANDLE_INVALID) uses the job policy, which the model allows; the model has no VMEX resources.
     * <p><b>Rights</b>: none.
     * <p><b>Errors</b>: BAD_HANDLE missing handle or not a VMO; BAD_HANDLE / WRONG_TYPE a non-zero
     * {@code vmex} (returned after the handle is removed).
     */
    public int vmoReplaceAsExecutable(int handle, int vmex) {
        syscalls++;
        return executables.replace(handle, vmex);
    }

    /**
     * {@code zx_object_get_info(ZX_INFO_VMO)} through {@code handle}.
     * <p><b>Rights</b>: none. <p><b>Errors</b>: BAD_HANDLE, WRONG_TYPE.
     */
    public VmoInfo objectGetInfoVmo(int handle) {
        syscalls++;
        Vmo vmo = handles.resolve(handle, Vmo.class, Rights.NONE);
        return VmoInfo.of(vmo, handles.get(handle).rights);
    }

    /**
     * {@code zx_object_wait_one(handle, signals, ZX_TIME_INFINITE_PAST)}: the signals asserted now
     * (the model asserts only {@link Signals#VMO_ZERO_CHILDREN}).
     * <p><b>Rights</b>: WAIT.
     * <p><b>Errors</b>: BAD_HANDLE, ACCESS_DENIED; TIMED_OUT none of {@code signals} is asserted.
     */
    public int objectWaitOne(int handle, int signals) {
        syscalls++;
        return Signals.waitOne(handles, handle, signals);
    }

    /**
     * {@code zx_handle_duplicate}: a new handle to the same object with {@code rights} (or the same
     * rights for SAME_RIGHTS).
     * <p><b>Rights</b>: DUPLICATE.
     * <p><b>Errors</b>: BAD_HANDLE; ACCESS_DENIED no DUPLICATE; INVALID_ARGS {@code rights} not a subset.
     */
    public int handleDuplicate(int handle, int rights) {
        syscalls++;
        return handles.duplicate(handle, rights);
    }

    /**
     * {@code zx_handle_replace}: a new handle with {@code rights}; the old one is invalidated.
     * <p><b>Rights</b>: none.
     * <p><b>Errors</b>: BAD_HANDLE; INVALID_ARGS {@code rights} not a subset (the old handle stays).
     */
    public int handleReplace(int handle, int rights) {
        syscalls++;
        return handles.replace(handle, rights);
    }

    /**
     * {@code zx_handle_close}: closing {@code ZX_HANDLE_INVALID} (0) is a no-op.
     * <p><b>Rights</b>: none. <p><b>Errors</b>: BAD_HANDLE.
     */
    public void handleClose(int handle) {
        syscalls++;
        if (handle != 0) {
            handles.remove(handle);
        }
    }

    /** The rights of {@code handle} ({@code ZX_INFO_HANDLE_BASIC.rights}). @throws ZxException BAD_HANDLE */
    public int handleRights(int handle) {
        return handles.get(handle).rights;
    }

    /** The koid of the object {@code handle} refers to. @throws ZxException BAD_HANDLE */
    public long koid(int handle) {
        return handles.get(handle).object.koid();
    }

    /** {@code ZX_INFO_VMO.parent_koid}: 0 when the VMO has no user-visible parent. */
    public long parentKoid(int handle) {
        Vmo v = handles.resolve(handle, Vmo.class, Rights.NONE);
        return v.parent == null ? 0 : v.parent.koid();
    }

    /** {@code ZX_INFO_VMO.num_children}: direct user-visible children alive. */
    public int numChildren(int handle) {
        return handles.resolve(handle, Vmo.class, Rights.NONE).children.size();
    }

    /**
     * {@code zx_event_create}: an event, useful as a handle that is not a VMO.
     * <p><b>Rights</b>: none. <p><b>Errors</b>: none.
     */
    public int eventCreate() {
        syscalls++;
        return handles.add(new Event(vmos.nextKoid()), Rights.DEFAULT_EVENT);
    }

    /**
     * {@code zx_pager_create_vmo}: a VMO backed by the model's user pager; no page is supplied yet.
     * <p><b>Rights</b>: none modelled (the pager handle is implicit). The VMO handle gets DEFAULT_VMO
     * (+ RESIZE if RESIZABLE).
     * <p><b>Errors</b>: INVALID_ARGS unknown options; OUT_OF_RANGE size too large.
     */
    public int pagerCreateVmo(long size, int options) {
        syscalls++;
        return roots.pagerBacked(size, options);
    }

    /**
     * {@code zx_pager_supply_pages}: moves {@code [auxOffset, auxOffset+length)} of {@code aux}
     * into the pager VMO at {@code offset}, never replacing pages it already holds.
     * <p><b>Rights</b>: {@code pagerVmo} WRITE; {@code aux} READ and WRITE.
     * <p><b>Errors</b>: INVALID_ARGS unaligned or not a pager VMO; BAD_HANDLE, WRONG_TYPE,
     * ACCESS_DENIED; NOT_SUPPORTED physical, contiguous or pager-backed aux; OUT_OF_RANGE;
     * BAD_STATE pinned aux pages; NO_MEMORY.
     */
    public void pagerSupplyPages(int pagerVmo, long offset, long length, int aux, long auxOffset) {
        syscalls++;
        transfer.supplyPages(pagerVmo, offset, length, aux, auxOffset);
    }

    /** Installs the callback that answers page requests of pager-backed VMOs (null: never supply). */
    public void setUserPager(UserPager userPager) {
        pager.set(userPager);
    }

    /**
     * {@code zx_vmo_create_physical}: a VMO over model-owned device memory (reads as zero; no page
     * list). Only SLICE children are allowed.
     * <p><b>Rights</b>: none modelled (the resource is implicit). <p><b>Errors</b>: OUT_OF_RANGE.
     */
    public int vmoCreatePhysical(long size) {
        syscalls++;
        return roots.physical(size);
    }

    /**
     * {@code zx_vmo_create_contiguous}: every page allocated and committed at creation.
     * <p><b>Rights</b>: none modelled (the BTI is implicit).
     * <p><b>Errors</b>: INVALID_ARGS size 0 or alignment outside [12, 64); OUT_OF_RANGE; NO_MEMORY.
     */
    public int vmoCreateContiguous(long size, int alignmentLog2) {
        syscalls++;
        return roots.contiguous(size, alignmentLog2);
    }

    /**
     * {@code zx_bti_pin}: commits and pins {@code [offset, offset+size)}; returns a PMT handle.
     * <p><b>Rights</b>: {@code vmo} MAP, plus READ for PERM_READ/PERM_EXECUTE and WRITE for PERM_WRITE.
     * <p><b>Errors</b>: INVALID_ARGS unaligned, size 0, bad option bits; BAD_HANDLE, WRONG_TYPE,
     * ACCESS_DENIED; OUT_OF_RANGE; NO_MEMORY; SHOULD_WAIT.
     */
    public int btiPin(int options, int vmo, long offset, long size) {
        syscalls++;
        return pinning.pin(options, vmo, offset, size);
    }

    /**
     * {@code zx_pmt_unpin}: unpins and invalidates the PMT handle.
     * <p><b>Rights</b>: none. <p><b>Errors</b>: BAD_HANDLE, WRONG_TYPE.
     */
    public void pmtUnpin(int pmt) {
        syscalls++;
        pinning.unpin(pmt);
    }

    /**
     * A boot access: reads page {@code pageIndex} into {@code dst4096} through the lookup, records
     * the hops in {@link #hopHistogram()} and returns them.
     *
     * @throws ZxException BAD_HANDLE, WRONG_TYPE, ACCESS_DENIED (READ), OUT_OF_RANGE, NOT_SUPPORTED
     *     (physical), SHOULD_WAIT (unsupplied pager page)
     */
    public int readPage(int handle, long pageIndex, byte[] dst4096) {
        Vmo vmo = handles.resolve(handle, Vmo.class, Rights.READ);
        checkPage(vmo, pageIndex);
        if (vmo.node == null) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "read of a physical VMO");
        }
        int h = tree.readPage(vmo.node, vmo.windowOffset + pageIndex, dst4096, 0, 0, PhysicalMemory.PAGE_SIZE);
        hops.record(h);
        return h;
    }

    /** Lookup hops of page {@code pageIndex} (§7.2), without recording them; 0 for physical VMOs. */
    public int lookupDepth(int handle, long pageIndex) {
        Vmo vmo = handles.resolve(handle, Vmo.class, Rights.NONE);
        checkPage(vmo, pageIndex);
        if (vmo.node == null) {
            return 0;
        }
        CowTree.lookUp(vmo.node, vmo.windowOffset + pageIndex, depthScratch);
        return depthScratch.hops;
    }

    /** Structural depth (§7.2): parent links from the VMO's node to its tree's root. */
    public int structuralDepth(int handle) {
        Vmo vmo = handles.resolve(handle, Vmo.class, Rights.NONE);
        return vmo.node == null ? 0 : vmo.node.depth();
    }

    private static void checkPage(Vmo vmo, long pageIndex) {
        if (pageIndex < 0 || pageIndex >= vmo.sizePages()) {
            throw new ZxException(
                    ZxStatus.ERR_OUT_OF_RANGE, "page " + pageIndex + " outside " + vmo.sizePages() + " pages");
        }
    }

    /**
     * What page {@code pageIndex} of the VMO holds, as a debugger sees it: nothing is committed,
     * forked, faulted or recorded, no right is needed and no syscall is counted (scenario
     * {@code expect_pages}, {@code expect_bytes}).
     *
     * @return a copy of the page's 4096 bytes; an empty array for a page that reads as zero without
     *     content of its own in the tree (never written, a zero marker, a physical VMO); null for a
     *     pager-backed page that was never supplied
     * @throws ZxException BAD_HANDLE, WRONG_TYPE, OUT_OF_RANGE
     */
    public byte[] peekPage(int handle, long pageIndex) {
        Vmo vmo = handles.resolve(handle, Vmo.class, Rights.NONE);
        checkPage(vmo, pageIndex);
        byte[] page = VmoIo.peek(vmo, pageIndex);
        if (page == VmoIo.UNSUPPLIED) {
            return null;
        }
        return page == VmoIo.ZERO ? new byte[0] : page.clone();
    }

    /** Committed pages the VMO itself owns (not counting pages seen through a parent). */
    public long ownedPages(int handle) {
        return handles.resolve(handle, Vmo.class, Rights.NONE).ownedPages();
    }

    /** The range operations, for property code that zeroes a range as VmObject::ZeroRange does. */
    RangeOps rangeOps() {
        return rangeOps;
    }

    /** A snapshot of the model's counters. */
    public VmStats stats() {
        return new VmStats(
                memory.inUse(),
                memory.peak(),
                memory.copied(),
                memory.moved(),
                memory.zeroed(),
                memory.freed(),
                tree.hiddenNodes,
                tree.hiddenNodesCreated,
                vmos.live.size(),
                vmos.created,
                syscalls,
                memory.migrated(),
                tree.cloneShareCountIncrements,
                tree.closeShareCountReleases,
                tree.cloneParentContentMarkers,
                io.pagesWrittenFromUser());
    }

    /** Hops of every {@link #readPage} so far (the live histogram; copy it to keep a snapshot). */
    public HopHistogram hopHistogram() {
        return hops;
    }

    /**
     * Checks every model invariant: each page owned exactly once, counters balance, share counts /
     * split bits consistent with reachability, tree links consistent, no handle wider than the
     * handle it came from.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void checkInvariants() {
        new InvariantChecker(this).check();
    }

    /** An indented text tree of every VMO tree: koid, kind, name, size, owned pages, hidden nodes. */
    public String describeTree() {
        return new TreeDump(this).text();
    }

    /** The same trees as Graphviz {@code digraph} source. */
    public String toDot() {
        return new TreeDump(this).dot();
    }
}
