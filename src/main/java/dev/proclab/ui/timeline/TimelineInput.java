package dev.proclab.ui.timeline;

import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/** Mouse, wheel and keys for a {@link TimelineView}; see the view's documentation for the gestures. */
final class TimelineInput {

    /** A press that moves less than this many pixels is a click, not a drag. */
    private static final double CLICK_SLOP = 4;
    /** Wheel units per zoom step of 1.2×; a mouse notch is usually 40. */
    private static final double WHEEL_NOTCH = 40;

    private final TimelineView view;
    private final Canvas canvas;
    private final Tooltip tooltip = new Tooltip();
    private boolean tooltipInstalled;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;
    private boolean typedHandled;

    TimelineInput(TimelineView view, Canvas canvas) {
        this.view = view;
        this.canvas = canvas;
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setHideDelay(Duration.millis(100));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        view.addEventHandler(KeyEvent.KEY_TYPED, this::keyTyped);
    }

    void presenterChanged(boolean presenter) {
        tooltip.setStyle(presenter ? "-fx-font-size: 20px;" : "");
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragging = false;
    }

    private void dragged(MouseEvent e) {
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) > CLICK_SLOP) {
            dragging = true;
            hideTooltip();
        }
        if (dragging) {
            double dx = e.getX() - lastX;
            if (dx != 0) {
                view.followLiveProperty().set(false);
                view.userMoved();
                view.viewport().panPixels(dx);
            }
            view.viewport().scrollYBy(lastY - e.getY());
            lastX = e.getX();
            lastY = e.getY();
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (!dragging && e.getButton() == MouseButton.PRIMARY) {
            click(e.getX(), e.getY());
        }
        dragging = false;
    }

    /** Places the cursor where the click fell (in the plot) and selects what is there. */
    void click(double x, double y) {
        Frame f = view.snapshotFrame();
        if (x >= f.plotLeft()
                && x <= f.plotRight()
                && y >= f.layout().plotTop()
                && y < f.layout().plotBottom()) {
            view.cursorNanosProperty().set(view.viewport().toNanos(x - f.plotLeft()));
        }
        view.select(HitTester.pick(view.snapshotFrame(), x, y));
    }

    private void moved(MouseEvent e) {
        Frame f = view.snapshotFrame();
        TimelineSelection hit = HitTester.pick(f, e.getX(), e.getY());
        String text;
        if (hit != null) {
            text = hit.title() + "\n" + hit.detail();
        } else if (e.getX() >= f.plotLeft() && e.getY() < f.layout().plotBottom()) {
            text = TimeAxis.format(
                    view.viewport().toNanos(e.getX() - f.plotLeft()) - f.model().origin());
        } else {
            text = null;
        }
        if (text == null || f.model().trace() == null) {
            hideTooltip();
        } else {
            tooltip.setText(text);
            if (!tooltipInstalled) {
                Tooltip.install(canvas, tooltip);
                tooltipInstalled = true;
            }
        }
    }

    private void hideTooltip() {
        if (tooltipInstalled) {
            Tooltip.uninstall(canvas, tooltip);
            tooltip.hide();
            tooltipInstalled = false;
        }
    }

    private void scrolled(ScrollEvent e) {
        Frame f = view.snapshotFrame();
        Viewport vp = view.viewport();
        if (e.getX() < f.plotLeft()) {
            vp.scrollYBy(-e.getDeltaY());
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double delta = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            view.followLiveProperty().set(false);
            view.userMoved();
            vp.panPixels(delta);
        } else if (e.getDeltaY() != 0) {
            double factor = Math.pow(1.2, e.getDeltaY() / WHEEL_NOTCH);
            double x = view.following() ? vp.toX(view.liveEdge()) : e.getX() - f.plotLeft();
            view.userMoved();
            vp.zoomAround(x, factor);
        }
        e.consume();
    }

    /**
     * "+" by the character typed, since where it sits differs between keyboard layouts; the numeric pad's
     * keys, "-" and "0" by their key codes (see {@link #keyPressed}), whose typed character is then skipped.
     */
    private void keyTyped(KeyEvent e) {
        boolean skip = typedHandled;
        typedHandled = false;
        if (skip) {
            e.consume();
            return;
        }
        if (e.getCharacter().equals("+") || e.getCharacter().equals("=")) {
            view.zoomIn();
            e.consume();
        }
    }

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        Viewport vp = view.viewport();
        switch (code) {
            case ADD -> view.zoomIn();
            case SUBTRACT, MINUS -> view.zoomOut();
            case DIGIT0, NUMPAD0 -> view.zoomToFit();
            case LEFT, RIGHT -> {
                int sign = code == KeyCode.LEFT ? -1 : 1;
                if (e.isShiftDown()) {
                    scrub(sign);
                } else {
                    view.scrollBy(sign * 0.1);
                }
            }
            case UP -> vp.scrollYBy(-view.metrics().laneHeight);
            case DOWN -> vp.scrollYBy(view.metrics().laneHeight);
            case HOME -> {
                view.followLiveProperty().set(false);
                view.userMoved();
                vp.show(
                        vp.boundsStart() - Math.round(vp.spanNanos() * Viewport.FIT_MARGIN),
                        vp.boundsStart() + Math.round(vp.spanNanos() * (1 - Viewport.FIT_MARGIN)));
            }
            case END -> view.followLiveProperty().set(true);
            case ESCAPE -> {
                view.cursorNanosProperty().set(null);
                view.select(null);
            }
            default -> {
                return;
            }
        }
        typedHandled = code == KeyCode.ADD
                || code == KeyCode.SUBTRACT
                || code == KeyCode.MINUS
                || code == KeyCode.DIGIT0
                || code == KeyCode.NUMPAD0;
        e.consume();
    }

    /** Moves the cursor by 1% of the view (placing it mid-view first), scrolling to keep it in sight. */
    private void scrub(int sign) {
        Viewport vp = view.viewport();
        Long cursor = view.cursorNanosProperty().get();
        long t = cursor != null ? cursor + sign * Math.max(1, vp.spanNanos() / 100) : vp.toNanos(vp.width() / 2);
        t = Math.max(vp.boundsStart(), Math.min(vp.boundsEnd(), t));
        view.cursorNanosProperty().set(t);
        double x = vp.toX(t);
        if (x < 0 || x > vp.width()) {
            view.followLiveProperty().set(false);
            view.userMoved();
            vp.panPixels(x < 0 ? -x + vp.width() * 0.1 : vp.width() * 0.9 - x);
        }
    }
}
