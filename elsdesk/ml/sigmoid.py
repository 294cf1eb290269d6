"""Platt's sigmoid calibration for every class at once: decision scores in, (a, b) per class out.

The same problem scikit-learn's ``CalibratedClassifierCV(method="sigmoid")`` solves per class
with L-BFGS-B (Platt's smoothed targets, sample weights, scores scaled down when they exceed 30),
solved here by Newton's method with a backtracking line search (Lin, Lin and Weng 2007) on all
classes together: the same optimum within scikit-learn's tolerance, in a few vectorised steps
instead of hundreds of per-class optimiser calls. A class drops out of the steps once it has
settled, so the few that converge slowly do not keep every class's arithmetic going.
"""

from __future__ import annotations

import numpy as np

MAX_ABS_SCORE = 30.0  # scikit-learn's max_abs_prediction_threshold
MAX_STEPS = 100
GRADIENT_TOLERANCE = 1e-8  # scikit-learn's L-BFGS-B stops at a gradient of 1e-6
RELATIVE_GAIN = 1e-13  # or when a Newton step lowers no class's loss by more than this share


def _loss(a, b, scores, targets, weights):
    """Weighted log-loss per class of probabilities 1 / (1 + exp(a * s + b))."""
    raw = -(scores * a + b)
    return (weights[:, None] * (np.logaddexp(0.0, raw) - targets * raw)).sum(axis=0)


def fit_sigmoids(scores: np.ndarray, positive: np.ndarray, sample_weight=None) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) per column of *scores* (n_samples, n_classes) such that 1 / (1 + exp(a * s + b))
    is the probability that the sample is of that class; *positive* (same shape, bool) says
    which samples are."""
    scores = np.asarray(scores, dtype=np.float64)
    positive = np.asarray(positive, dtype=bool)
    weights = np.ones(len(scores)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    scale = np.abs(scores).max(axis=0) if len(scores) else np.zeros(scores.shape[1])
    scale = np.where(scale >= MAX_ABS_SCORE, scale, 1.0)
    scores = scores / scale
    prior1 = (weights[:, None] * positive).sum(axis=0)
    prior0 = weights.sum() - prior1
    targets = np.where(positive, (prior1 + 1.0) / (prior1 + 2.0), 1.0 / (prior0 + 2.0))
    a = np.zeros(scores.shape[1])
    b = np.log((prior0 + 1.0) / (prior1 + 1.0))
    loss = _loss(a, b, scores, targets, weights)
    live = np.arange(scores.shape[1])  # the classes still being fitted: a settled class drops out
    for _ in range(MAX_STEPS):
        s, t = scores[:, live], targets[:, live]
        p = 1.0 / (1.0 + np.exp(np.clip(s * a[live] + b[live], -700, 700)))  # the probability of the class
        residual = weights[:, None] * (p - t)  # d loss / d raw, raw = -(a s + b)
        grad_a, grad_b = -(residual * s).sum(axis=0), -residual.sum(axis=0)
        moving = np.maximum(np.abs(grad_a), np.abs(grad_b)) >= GRADIENT_TOLERANCE
        if not moving.all():
            live, s, t, p = live[moving], s[:, moving], t[:, moving], p[:, moving]
            grad_a, grad_b = grad_a[moving], grad_b[moving]
            if not live.size:
                break
        curvature = weights[:, None] * p * (1.0 - p)
        h_aa = (curvature * s * s).sum(axis=0) + 1e-12
        h_ab = (curvature * s).sum(axis=0)
        h_bb = curvature.sum(axis=0) + 1e-12
        determinant = h_aa * h_bb - h_ab * h_ab
        determinant = np.where(determinant > 0, determinant, 1e-12)
        step_a = -(h_bb * grad_a - h_ab * grad_b) / determinant
        step_b = -(h_aa * grad_b - h_ab * grad_a) / determinant
        slope = grad_a * step_a + grad_b * step_b  # negative: a descent direction
        length = np.ones_like(step_a)
        before = loss[live]
        for _halving in range(40):  # backtracking (Armijo) for the classes whose loss did not fall enough
            trial = _loss(a[live] + length * step_a, b[live] + length * step_b, s, t, weights)
            worse = trial > before + 1e-4 * length * slope
            if not worse.any():
                break
            length = np.where(worse, length / 2.0, length)
        else:
            length = np.where(worse, 0.0, length)
            trial = np.where(worse, before, trial)
        a[live] += length * step_a
        b[live] += length * step_b
        loss[live] = trial
        settled = before - trial <= RELATIVE_GAIN * np.maximum(np.abs(before), 1.0)
        live = live[~settled]
        if not live.size:
            break
    return a / scale, b
