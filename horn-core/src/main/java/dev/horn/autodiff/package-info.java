/**
 * Reverse-mode automatic differentiation: {@link dev.horn.autodiff.GradientTape} records op
 * applications on watched tensors; {@link dev.horn.autodiff.Backprop} walks them backwards with
 * each op's gradient rule. Gradients are ops, so they can be recorded and differentiated again.
 */
package dev.horn.autodiff;
