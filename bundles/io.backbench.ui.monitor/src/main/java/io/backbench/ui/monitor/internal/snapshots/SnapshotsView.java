package io.backbench.ui.monitor.internal.snapshots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import io.backbench.catalog.api.CachedSnapshot;
import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogChange;
import io.backbench.catalog.api.CatalogListener;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.RestoreTests;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.monitor.internal.Background;
import io.backbench.ui.api.EmptyState;
import io.backbench.ui.monitor.internal.Format;
import io.backbench.ui.monitor.internal.Keys;
import io.backbench.ui.monitor.internal.RepositoryAccess;
import io.backbench.ui.monitor.internal.Widgets;

/**
 * Per repository, its snapshots (from the catalog's cache); a snapshot's tree, read from the
 * repository folder by folder as it is expanded; restore of the selected files or folders to a chosen
 * folder, and a restore test of the selected snapshot, both as background jobs. Repository and
 * catalog calls run on the view's worker thread.
 */
final class SnapshotsView implements ViewPart {
    private final Catalog catalog;
    private final JobRunner runner;
    private final JobManager jobs;
    private final RepositoryAccess access;
    private ViewSite site;
    private Background background;
    private EmptyState empty;
    private Table repositories;
    private Table snapshots;
    private Tree tree;
    private CatalogListener listener;
    /** The repository open for browsing, and whose it is; touched on the worker thread only. */
    private OpenedRepository open;
    private String openLocation;

    /** A repository and the job whose password opens it. */
    private record Repo(String location, JobDefinition job) {
    }

    SnapshotsView(Catalog catalog, JobRunner runner, JobManager jobs, RepositoryAccess access) {
        this.catalog = catalog;
        this.runner = runner;
        this.jobs = jobs;
        this.access = access;
    }

    @Override
    public void createControl(Composite parent, ViewSite viewSite) {
        site = viewSite;
        background = new Background("snapshots", viewSite);
        empty = new EmptyState(parent, "No repositories yet",
                "Each backup repository is listed here with its snapshots. Select a snapshot to browse its files, restore "
                        + "some of them to a folder of your choice, or run a restore test that proves the whole snapshot "
                        + "can be restored within the job's RTO.\n\nRepositories appear once a backup job has run: create "
                        + "one in the Jobs view and press Run Now.");
        SashForm sash = new SashForm(empty.stack(), SWT.HORIZONTAL);
        repositories = Widgets.table(sash, "repositories", new String[] {"Repository", "Job", "Snapshots"}, new int[] {220, 140, 70});
        SashForm right = new SashForm(sash, SWT.VERTICAL);
        snapshots = Widgets.table(right, "snapshots", new String[] {"Time", "Snapshot", "Host", "Paths", "Tags"}, new int[] {150, 90, 110, 260, 90});
        tree = new Tree(right, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setData(Keys.PART, "tree");
        tree.setHeaderVisible(true);
        for (String[] c : new String[][] {{"Name", "300"}, {"Size", "90"}, {"Modified", "150"}, {"Type", "80"}}) {
            TreeColumn tc = new TreeColumn(tree, SWT.NONE);
            tc.setText(c[0]);
            tc.setWidth(Integer.parseInt(c[1]));
        }
        sash.setWeights(1, 3);
        right.setWeights(2, 3);
        empty.setContent(sash);
        repositories.addListener(SWT.Selection, e -> showSnapshots());
        snapshots.addListener(SWT.Selection, e -> browse());
        tree.addListener(SWT.Expand, e -> expand((TreeItem) e.item));
        Widgets.tool(site, "refresh", "Refresh", "Read the repositories and snapshots again", this::refresh);
        Widgets.tool(site, "restore", "Restore...", "Restore the selected files or folders to a folder you choose", this::restore);
        Widgets.tool(site, "test", "Test Restore", "Restore the selected snapshot into a sandbox, check every byte and measure the time against the RTO",
                this::testRestore);
        Runnable refresh = Background.coalescing(viewSite, 300, this::refresh);
        listener = change -> {
            if (change.what() == CatalogChange.What.SNAPSHOTS || change.what() == CatalogChange.What.JOB) {
                refresh.run();
            }
        };
        catalog.addListener(listener);
        refresh();
    }

    private void refresh() {
        background.load("Snapshots", () -> {
            Map<String, Repo> repos = new LinkedHashMap<>();
            for (JobDefinition j : catalog.jobs()) {
                if (!j.repository().isBlank() && (j.kind().equals(JobKind.BACKUP) || !repos.containsKey(j.repository()))) {
                    repos.put(j.repository(), new Repo(j.repository(), j));
                }
            }
            for (String location : catalog.cachedRepositories()) {
                repos.putIfAbsent(location, new Repo(location, null));
            }
            Map<Repo, Integer> counts = new LinkedHashMap<>();
            repos.values().forEach(r -> counts.put(r, catalog.snapshots(r.location()).size()));
            return counts;
        }, this::showRepositories);
    }

    private void showRepositories(Map<Repo, Integer> repos) {
        if (repositories.isDisposed()) {
            return;
        }
        String selected = selectedRepo() == null ? null : selectedRepo().location();
        repositories.removeAll();
        for (Map.Entry<Repo, Integer> e : repos.entrySet()) {
            TableItem item = new TableItem(repositories, SWT.NONE);
            item.setData(e.getKey());
            item.setText(new String[] {e.getKey().location(), e.getKey().job() == null ? "" : e.getKey().job().name(),
                    Integer.toString(e.getValue())});
            if (e.getKey().location().equals(selected)) {
                repositories.setSelection(item);
            }
        }
        empty.showEmpty(repos.isEmpty());
        if (repositories.getSelectionCount() == 0 && repositories.getItemCount() > 0) {
            repositories.setSelection(0);
        }
        showSnapshots();
    }

    private Repo selectedRepo() {
        TableItem[] sel = repositories.getSelection();
        return sel.length == 0 ? null : (Repo) sel[0].getData();
    }

    private CachedSnapshot selectedSnapshot() {
        TableItem[] sel = snapshots.getSelection();
        return sel.length == 0 ? null : (CachedSnapshot) sel[0].getData();
    }

    private void showSnapshots() {
        Repo repo = selectedRepo();
        if (repo == null) {
            return;
        }
        background.load("Snapshots", () -> catalog.snapshots(repo.location()), list -> {
            if (snapshots.isDisposed()) {
                return;
            }
            String selected = selectedSnapshot() == null ? null : selectedSnapshot().id();
            snapshots.removeAll();
            // newest first
            for (int i = list.size() - 1; i >= 0; i--) {
                CachedSnapshot s = list.get(i);
                TableItem item = new TableItem(snapshots, SWT.NONE);
                item.setData(s);
                item.setText(new String[] {Format.time(s.time()), s.id().substring(0, 8), s.hostname(), String.join(", ", s.paths()),
                        String.join(", ", s.tags())});
                if (s.id().equals(selected)) {
                    snapshots.setSelection(item);
                }
            }
        });
    }

    private void browse() {
        Repo repo = selectedRepo();
        CachedSnapshot snap = selectedSnapshot();
        if (repo == null || snap == null) {
            return;
        }
        tree.removeAll();
        if (repo.job() == null) {
            site.setStatusMessage("No job uses " + repo.location() + ", so its password is unknown: create a job for it to browse it");
            return;
        }
        background.load("Browse snapshot", () -> children(repo, io -> io.repository().loadSnapshot(Id.parse(snap.id())).tree(), "/"),
                nodes -> fill(null, "/", nodes));
    }

    private void expand(TreeItem item) {
        if (item.getItemCount() != 1 || item.getItem(0).getData(Keys.PATH) != null) {
            return; // already loaded
        }
        Repo repo = selectedRepo();
        Node node = (Node) item.getData();
        String path = (String) item.getData(Keys.PATH);
        background.load("Browse snapshot", () -> children(repo, io -> node.subtree(), path + "/"), nodes -> {
            if (!item.isDisposed()) {
                item.getItem(0).dispose();
                fill(item, path + "/", nodes);
            }
        });
    }

    private interface TreeIdOf {
        Id get(OpenedRepository open) throws IOException;
    }

    /** The nodes of a folder, opening the repository if needed. Worker thread. */
    private List<Node> children(Repo repo, TreeIdOf id, String path) {
        try {
            if (open == null || !repo.location().equals(openLocation)) {
                closeOpen();
                open = access.open(repo.job());
                openLocation = repo.location();
            }
            return open.repository().loadTree(id.get(open)).nodes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path + " in " + repo.location() + ": " + Background.message(e), e);
        }
    }

    private void fill(TreeItem parent, String prefix, List<Node> nodes) {
        if (tree.isDisposed()) {
            return;
        }
        for (Node n : nodes) {
            TreeItem item = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
            item.setData(n);
            item.setData(Keys.PATH, prefix + n.name());
            item.setText(new String[] {n.name(), n.type() == NodeType.DIR ? "" : Format.bytes(n.size()), Format.time(n.mtime()),
                    n.type().name().toLowerCase()});
            if (n.type() == NodeType.DIR && n.subtree() != null) {
                new TreeItem(item, SWT.NONE).setText("...");
            }
        }
    }

    private void restore() {
        Repo repo = selectedRepo();
        CachedSnapshot snap = selectedSnapshot();
        List<String> paths = new ArrayList<>();
        for (TreeItem i : tree.getSelection()) {
            if (i.getData(Keys.PATH) != null) {
                paths.add((String) i.getData(Keys.PATH));
            }
        }
        if (repo == null || repo.job() == null || snap == null || paths.isEmpty()) {
            site.setStatusMessage("Select a snapshot, then the files or folders to restore in its tree");
            return;
        }
        ToolItem item = findTool("restore");
        Object answer = item == null ? null : item.getData(Keys.FILE_DIALOG_ANSWER);
        String folder;
        if (answer instanceof String s) {
            item.setData(Keys.FILE_DIALOG_ANSWER, null);
            folder = s;
        } else {
            DirectoryDialog d = new DirectoryDialog(site.shell());
            d.setText("Restore to");
            d.setMessage("The selected items are restored below this folder, with their full paths from the snapshot.");
            folder = d.open();
        }
        if (folder != null) {
            jobs.submit(new RestoreJob(access, repo.job(), snap.id(), paths, Path.of(folder)));
            site.setStatusMessage("Restoring " + paths.size() + " item(s) to " + folder + " (the Progress view shows it)");
        }
    }

    private ToolItem findTool(String action) {
        for (ToolItem i : site.toolBar().getItems()) {
            if (action.equals(i.getData(Keys.ACTION))) {
                return i;
            }
        }
        return null;
    }

    private void testRestore() {
        Repo repo = selectedRepo();
        CachedSnapshot snap = selectedSnapshot();
        if (repo == null || repo.job() == null || snap == null) {
            site.setStatusMessage("Select a snapshot of a repository that a job uses");
            return;
        }
        background.load("Test restore", () -> runner.submit(RestoreTests.of(repo.job(), snap.id(), 100)),
                ticket -> site.setStatusMessage("Testing a restore of snapshot " + snap.id().substring(0, 8)
                        + " (the Progress view shows it; the result goes to the Verification view)"));
    }

    private void closeOpen() {
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // closing a read-only session: nothing was written that could be lost
            }
            open = null;
            openLocation = null;
        }
    }

    @Override
    public void setFocus() {
        repositories.setFocus();
    }

    @Override
    public void dispose() {
        catalog.removeListener(listener);
        background.run("Close repository", this::closeOpen);
        background.close();
    }
}
