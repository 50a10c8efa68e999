;; The byte scanner's inner loop (EngagementIdByteScanner), in WebAssembly with 128-bit SIMD: it reads
;; 16 bytes per step, where a JavaScript loop over bytes reads one. Compiled by `npm run build:wasm` into
;; candidateSearchWasm.ts; test/unit/core/candidateSearchWasm.test.ts checks that file matches this one.
;;
;; find(from, end, out) -> count
;;   For every candidate start p in [from, end) (p..p+2 are `eng` in any case, p+3 is '-', '_' or 0xE2, the
;;   first byte of the typographic dashes U+2010..U+2015 and U+2212), writes three i32 at `out`:
;;     p, the number of line breaks in [from, p), and the position of the last one in [from, p) or -1.
;;   A line break is where VS Code's text model ends a line: '\n', or a '\r' not followed by '\n' (so CRLF
;;   counts once, at its '\n'). Either way the next line starts right after the byte recorded.
;;   Sets the globals `newlines` and `lastNewline` to the same for all of [from, end).
;;   Reads up to 18 bytes past `end`; they must be in memory, and zero where the data really ends.
(module
  (memory (export "memory") 1)
  (global $newlines (export "newlines") (mut i32) (i32.const 0))
  (global $lastNewline (export "lastNewline") (mut i32) (i32.const -1))

  (func (export "find") (param $at i32) (param $end i32) (param $out i32) (result i32)
    (local $bytes v128) (local $next v128) (local $separators v128) (local $candidates i32) (local $lineBreaks i32)
    (local $bit i32) (local $before i32) (local $count i32) (local $lines i32) (local $last i32) (local $left i32)
    (local.set $last (i32.const -1))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $bytes (v128.load (local.get $at)))
        (local.set $next (v128.load offset=1 (local.get $at)))
        (local.set $separators (v128.load offset=3 (local.get $at)))
        ;; '\n', or '\r' whose next byte is not '\n' (that byte is read even past `end`: a CRLF split there is one break).
        (local.set $lineBreaks (i8x16.bitmask
          (v128.or
            (i8x16.eq (local.get $bytes) (i8x16.splat (i32.const 10)))
            (v128.andnot
              (i8x16.eq (local.get $bytes) (i8x16.splat (i32.const 13)))
              (i8x16.eq (local.get $next) (i8x16.splat (i32.const 10)))))))
        ;; `b | 0x20` folds ASCII upper case onto lower case, and no other byte onto 'e', 'n' or 'g'.
        (local.set $candidates (i8x16.bitmask
          (v128.and
            (v128.and
              (i8x16.eq (v128.or (local.get $bytes) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x65)))
              (i8x16.eq (v128.or (local.get $next) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x6e))))
            (v128.and
              (i8x16.eq (v128.or (v128.load offset=2 (local.get $at)) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x67)))
              (v128.or
                (v128.or
                  (i8x16.eq (local.get $separators) (i8x16.splat (i32.const 0x2d)))
                  (i8x16.eq (local.get $separators) (i8x16.splat (i32.const 0x5f))))
                (i8x16.eq (local.get $separators) (i8x16.splat (i32.const 0xe2))))))))
        ;; The last step may reach past `end`: keep only the bytes before it.
        (local.set $left (i32.sub (local.get $end) (local.get $at)))
        (if (i32.lt_u (local.get $left) (i32.const 16))
          (then
            (local.set $bit (i32.sub (i32.shl (i32.const 1) (local.get $left)) (i32.const 1)))
            (local.set $lineBreaks (i32.and (local.get $lineBreaks) (local.get $bit)))
            (local.set $candidates (i32.and (local.get $candidates) (local.get $bit)))))
        (block $written
          (loop $write
            (br_if $written (i32.eqz (local.get $candidates)))
            (local.set $bit (i32.ctz (local.get $candidates)))
            (local.set $before (i32.and (local.get $lineBreaks) (i32.sub (i32.shl (i32.const 1) (local.get $bit)) (i32.const 1))))
            (i32.store (local.get $out) (i32.add (local.get $at) (local.get $bit)))
            (i32.store offset=4 (local.get $out) (i32.add (local.get $lines) (i32.popcnt (local.get $before))))
            (i32.store offset=8 (local.get $out)
              (select
                (i32.sub (i32.add (local.get $at) (i32.const 31)) (i32.clz (local.get $before)))
                (local.get $last)
                (local.get $before)))
            (local.set $out (i32.add (local.get $out) (i32.const 12)))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $candidates (i32.and (local.get $candidates) (i32.sub (local.get $candidates) (i32.const 1))))
            (br $write)))
        (if (local.get $lineBreaks)
          (then
            (local.set $lines (i32.add (local.get $lines) (i32.popcnt (local.get $lineBreaks))))
            (local.set $last (i32.sub (i32.add (local.get $at) (i32.const 31)) (i32.clz (local.get $lineBreaks))))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $step)))
    (global.set $newlines (local.get $lines))
    (global.set $lastNewline (local.get $last))
    (local.get $count)))
