package dev.proclab.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File choosers that remember the last folder used in this session. */
public final class FxFilePicker implements FilePicker {
    private static final FileChooser.ExtensionFilter JSON =
            new FileChooser.ExtensionFilter("Chrome trace (*.json)", "*.json");
    private static final FileChooser.ExtensionFilter PNG = new FileChooser.ExtensionFilter("PNG (*.png)", "*.png");

    private File folder;

    @Override
    public Optional<Path> traceToOpen(Window owner, String title) {
        return remember(chooser(title, null, JSON).showOpenDialog(owner));
    }

    @Override
    public Optional<Path> traceToSave(Window owner, String title, String suggested) {
        return remember(chooser(title, suggested, JSON).showSaveDialog(owner));
    }

    @Override
    public Optional<Path> pngToSave(Window owner, String title, String suggested) {
        return remember(chooser(title, suggested, PNG).showSaveDialog(owner));
    }

    private FileChooser chooser(String title, String suggested, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        if (suggested != null) {
            chooser.setInitialFileName(suggested);
        }
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        folder = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }
}
