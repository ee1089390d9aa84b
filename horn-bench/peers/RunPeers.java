// Runs the mnist-mlp peers by hand and prints one JSON line per row:
//   ./horn script horn-bench/peers/RunPeers.java PEER|all MNIST_DIR [EPOCHS] [--offline] [--benchmark=mnist-cnn] [--PEER_OPTION=VALUE ...]
// PEER is tensorflow-java, djl-pytorch or dl4j (or a comma-separated list). Each peer is built on
// first use with the pinned Maven; see horn-bench/README.md, "Peers".
void main(String[] args) throws Exception {
    dev.horn.bench.peers.PeerRunner.main(args);
}
