package io.intelligencecrm.scoring.model;

/** Held-out leads whose predicted probability fell in [from, to): what was predicted, what happened. */
public record CalibrationBin(double from, double to, int leads, double predicted, double observed) {
}
