package dev.proclab.ui.shell;

import dev.proclab.ui.I18n;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.util.Subscription;

/**
 * The menu bar: every action with its first shortcut, so that both can be discovered by looking. The
 * check items follow the window's state through {@link #presenterProperty()} and {@link #darkProperty()}.
 */
final class AppMenu {
    private final I18n i18n;
    private final Map<AppAction, Runnable> actions;
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final MenuBar bar = new MenuBar();
    private Subscription subscriptions = Subscription.EMPTY;

    AppMenu(I18n i18n, Map<AppAction, Runnable> actions) {
        this.i18n = i18n;
        this.actions = actions;
        bar.getMenus()
                .addAll(
                        menu(
                                "menu.file",
                                item(AppAction.OPEN_TRACE),
                                item(AppAction.EXPORT_TRACE),
                                item(AppAction.EXPORT_PNG),
                                new SeparatorMenuItem(),
                                item(AppAction.QUIT)),
                        menu(
                                "menu.run",
                                item(AppAction.RUN),
                                item(AppAction.STOP),
                                new SeparatorMenuItem(),
                                item(AppAction.SKIP_PREDICTION),
                                item(AppAction.RESET_PROGRAM)),
                        menu("menu.lesson", item(AppAction.PREVIOUS_LESSON), item(AppAction.NEXT_LESSON)),
                        menu(
                                "menu.view",
                                item(AppAction.ZOOM_IN),
                                item(AppAction.ZOOM_OUT),
                                item(AppAction.ZOOM_FIT),
                                new SeparatorMenuItem(),
                                check(AppAction.PRESENTER, presenter),
                                check(AppAction.DARK_THEME, dark),
                                languages()),
                        menu("menu.help", item(AppAction.HELP)));
    }

    MenuBar bar() {
        return bar;
    }

    BooleanProperty presenterProperty() {
        return presenter;
    }

    BooleanProperty darkProperty() {
        return dark;
    }

    void dispose() {
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private Menu menu(String key, MenuItem... items) {
        Menu menu = new Menu();
        menu.textProperty().bind(i18n.text(key));
        menu.getItems().addAll(items);
        return menu;
    }

    private MenuItem item(AppAction action) {
        MenuItem item = new MenuItem();
        item.setId("menu-" + action.name().toLowerCase(Locale.ROOT));
        item.textProperty().bind(i18n.text(action.textKey()));
        item.setAccelerator(action.keys().get(0));
        item.setOnAction(e -> actions.get(action).run());
        return item;
    }

    /** A check item that shows {@code state} and runs the action (which changes the state) when chosen. */
    private CheckMenuItem check(AppAction action, BooleanProperty state) {
        CheckMenuItem item = new CheckMenuItem();
        item.textProperty().bind(i18n.text(action.textKey()));
        item.setAccelerator(action.keys().get(0));
        item.setSelected(state.get());
        subscriptions = subscriptions.and(state.subscribe(item::setSelected));
        item.setOnAction(e -> {
            // The item flipped itself; let the action decide, then show what it decided.
            item.setSelected(state.get());
            actions.get(action).run();
        });
        return item;
    }

    private Menu languages() {
        Menu menu = new Menu();
        menu.textProperty().bind(i18n.text("menu.language"));
        ToggleGroup group = new ToggleGroup();
        for (Locale locale : I18n.SUPPORTED) {
            // Each language is named in itself, so that someone who cannot read the current one finds theirs.
            RadioMenuItem item = new RadioMenuItem(
                    locale.getDisplayLanguage(locale) + ("zh".equals(locale.getLanguage()) ? "（简体）" : ""));
            item.setToggleGroup(group);
            item.setId("language-" + locale.getLanguage());
            item.setOnAction(e -> i18n.setLocale(locale));
            menu.getItems().add(item);
            subscriptions = subscriptions.and(i18n.localeProperty()
                    .subscribe(l -> item.setSelected(l.getLanguage().equals(locale.getLanguage()))));
        }
        MenuItem toggle = item(AppAction.LANGUAGE);
        menu.getItems().addAll(new SeparatorMenuItem(), toggle);
        return menu;
    }
}
