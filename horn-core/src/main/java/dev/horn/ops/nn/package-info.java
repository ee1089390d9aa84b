/**
 * Neural-network ops: softmax and log-softmax; convolution ({@link dev.horn.ops.nn.Conv}, 1-3
 * spatial axes, groups implied by the channels, so depthwise convolution is a grouped one) with
 * its input and filter gradients; max and average pooling with their gradients. Each gradient
 * op has its own gradient, so derivatives of any order close over the family: conv's backprop
 * ops are linear in both operands, max_pool_grad and max_pool_grad_grad are each other's
 * transposes, avg_pool and avg_pool_grad likewise.
 *
 * <p>Kernels are channels last (TF's CPU layout); {@link dev.horn.ops.nn.WindowedOps} transposes
 * channels-first data around them and holds TF's argument conventions. A {@link
 * dev.horn.ops.nn.Window} fixes strides, dilations and padding with TF's SAME/VALID rules and
 * lists, for every output position, the input position each kernel position reads: one table
 * drives im2col, its transpose and pooling for any spatial rank. Which kernel runs is decided
 * from the shapes alone: for float32 windows of at most 9 elements into 16 or 32 outputs (a
 * first layer's 3x3 over one channel) a direct kernel holding the filters in registers ({@code
 * ShallowConv}); with one group and 16, 32 or a multiple of 64 outputs an
 * implicit GEMM ({@code ImplicitConv}: register tiles that read the windows in
 * place through offset tables, nothing gathered or packed); direct vectorised loops for other
 * short windows and depthwise convolution; im2col into cache-sized row blocks on the packed GEMM
 * otherwise; the input gradient, for channels in whole vectors, as an implicit col2im ({@code
 * ImplicitCol2im}: dy times the transposed filters, each window's gradient added straight onto
 * the input it read), else as the flipped forward convolution at stride 1. {@link
 * dev.horn.ops.nn.ConvBias} adds a bias and applies relu in the convolution's own pass (as
 * TensorFlow's fused conv2d), its bias gradient by {@link dev.horn.ops.nn.BiasAddGrad}; other
 * activations after a convolution are joined into one pass of their own by the graph
 * compiler's element-wise fusion.
 */
package dev.horn.ops.nn;
