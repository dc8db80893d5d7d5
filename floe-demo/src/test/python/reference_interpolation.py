#!/usr/bin/python3
"""Runs the reference server's own interpolate_grid on cases read from stdin.

Usage: /usr/bin/python3 reference_interpolation.py <path of demo_server.py>

Only the function is taken from demo_server.py (through its syntax tree), so neither Ice nor
the server starts. Each stdin line is a JSON object {"factor": HEX, "grid": [[HEX, ...], ...]}
where HEX is the big-endian bits of a float32. Each output line is "RangeError", or the rows
of the result separated by ";" and their cells by ",", each cell the float32 bits in hex as the
server would send it ("nan" for any NaN).
"""

import ast
import json
import math
import struct
import sys


def load_reference(path):
    with open(path) as f:
        tree = ast.parse(f.read(), path)
    functions = [node for node in tree.body
                 if isinstance(node, ast.FunctionDef) and node.name == "interpolate_grid"]
    if len(functions) != 1:
        sys.exit("no interpolate_grid in " + path)
    namespace = {"math": math}
    exec(compile(ast.Module(body=functions, type_ignores=[]), path, "exec"), namespace)
    return namespace["interpolate_grid"]


def from_hex(bits):
    return struct.unpack(">f", bytes.fromhex(bits))[0]


def to_hex(value):
    # Ice marshals a Python float as a C float: the same round-to-nearest as struct's "f".
    value = struct.unpack(">f", struct.pack(">f", value))[0]
    return "nan" if math.isnan(value) else struct.pack(">f", value).hex()


def main(argv):
    interpolate_grid = load_reference(argv[1])
    for line in sys.stdin:
        case = json.loads(line)
        grid = [[from_hex(cell) for cell in row] for row in case["grid"]]
        result = interpolate_grid(grid, from_hex(case["factor"]))
        if result is None:
            print("RangeError")
        else:
            print(";".join(",".join(to_hex(v) for v in row) for row in result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
