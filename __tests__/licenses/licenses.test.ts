import { describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import parse from 'spdx-expression-parse'
import correct from 'spdx-correct'
import { parseCoreMetadata } from '../../src/deps/core-metadata.js'
import type { PackageMetadata } from '../../src/deps/types.js'
import {
  comparePythonStrings,
  licensesFromClassifiers,
  selectLicense
} from '../../src/licenses/license-of.js'
import { displayLicense, recogniseLicenseText } from '../../src/licenses/license-text.js'
import { classifierSpdx, deriveSpdx } from '../../src/licenses/spdx-derive.js'
import { suggestSpdx } from '../../src/licenses/spdx-suggest.js'
import { CLASSIFIER_SPDX, LICENSE_FIELD_SPDX } from '../../src/licenses/spdx-tables.js'
import { TESTS_DIR } from '../support/paths.js'

const METADATA_DIR = path.join(TESTS_DIR, 'fixtures', 'licenses', 'metadata')

function fixture(name: string): PackageMetadata {
  const file = path.join(METADATA_DIR, `${name}.METADATA`)
  return parseCoreMetadata(fs.readFileSync(file, 'utf8'), file).metadata
}

describe('selectLicense: what pip-licenses shows for each metadata style', () => {
  test('a PEP 639 License-Expression wins for every --from, over the classifiers', () => {
    for (const from of ['mixed', 'meta', 'classifier', 'expression'] as const) {
      expect(selectLicense(fixture('expression'), from)).toEqual({
        text: 'MIT OR Apache-2.0',
        names: ['MIT OR Apache-2.0'],
        field: 'expression'
      })
    }
  })

  test('classifiers: last segment, OSI Approved dropped, duplicates merged, sorted, "; "-joined', () => {
    const metadata = fixture('classifiers')
    expect(selectLicense(metadata, 'mixed')).toEqual({
      text: 'MIT License; Python Software Foundation License',
      names: ['MIT License', 'Python Software Foundation License'],
      field: 'classifier'
    })
    // The License field says UNKNOWN, literally: that is what meta shows.
    expect(selectLicense(metadata, 'meta').text).toBe('UNKNOWN')
    expect(selectLicense(metadata, 'expression')).toMatchObject({ text: 'UNKNOWN', field: 'meta' })
  })

  test('the License field, when there are no license classifiers', () => {
    const metadata = fixture('license-field')
    expect(selectLicense(metadata, 'mixed')).toMatchObject({
      text: 'Apache License 2.0',
      field: 'meta'
    })
    expect(selectLicense(metadata, 'classifier')).toMatchObject({
      text: 'UNKNOWN',
      field: 'classifier'
    })
  })

  test('a whole license text in the License field is the value pip-licenses prints', () => {
    const { text } = selectLicense(fixture('license-text'), 'mixed')
    expect(text.startsWith('BSD 3-Clause License\n\n- Copyright (c) 2001-')).toBe(true)
    expect(text).toContain('3. Neither the name of the copyright holder')
  })

  test('no license metadata at all is UNKNOWN, and so is no metadata', () => {
    expect(selectLicense(fixture('none'), 'mixed')).toEqual({
      text: 'UNKNOWN',
      names: ['UNKNOWN'],
      field: 'meta'
    })
    expect(selectLicense(undefined, 'classifier').text).toBe('UNKNOWN')
  })

  test('License-Expression: UNKNOWN and an empty License count as absent, as `value or UNKNOWN` does', () => {
    expect(selectLicense(fixture('expression-unknown'), 'mixed').text).toBe(
      'GNU General Public License v3 (GPLv3)'
    )
    expect(selectLicense({ license: '', classifiers: [] }, 'meta').text).toBe('UNKNOWN')
  })

  test('find_license_from_classifier keeps "License"-prefixed classifiers only', () => {
    expect(
      licensesFromClassifiers([
        'License :: OSI Approved',
        'License :: OSI Approved :: GNU General Public License v3 (GPLv3)',
        'Topic :: License :: Not one',
        'License :: Public Domain'
      ])
    ).toEqual(['GNU General Public License v3 (GPLv3)', 'Public Domain'])
  })

  test('Python string order is code-point order', () => {
    expect(['\uFB01', '\u{1F600}', 'Z'].sort(comparePythonStrings)).toEqual([
      'Z',
      '\uFB01',
      '\u{1F600}'
    ])
    expect(['ab', 'a', 'B'].sort(comparePythonStrings)).toEqual(['B', 'a', 'ab'])
  })
})

describe('deriveSpdx', () => {
  test('a valid PEP 639 expression is taken as it is written', () => {
    expect(deriveSpdx(fixture('expression'))).toEqual({
      spdx: 'MIT OR Apache-2.0',
      basis: 'expression'
    })
  })

  test('an invalid expression leaves the license unknown, with spdx-correct only as a suggestion', () => {
    const metadata = {
      licenseExpression: 'Apache 2.0',
      classifiers: ['License :: OSI Approved :: MIT License']
    }
    expect(deriveSpdx(metadata, suggestSpdx)).toEqual({
      spdx: null,
      basis: null,
      suggestion: 'Apache-2.0'
    })
    // Without spdx-correct, the same facts and no guess.
    expect(deriveSpdx(metadata)).toEqual({ spdx: null, basis: null })
  })

  test('unambiguous classifiers map to their identifier; the ambiguous ones of PEP 639 do not', () => {
    const only = (classifier: string): string | null => classifierSpdx([classifier]).spdx
    expect(only('License :: OSI Approved :: MIT License')).toBe('MIT')
    expect(only('License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)')).toBe(
      'GPL-3.0-or-later'
    )
    expect(only('License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)')).toBe('MPL-2.0')
    expect(only('License :: OSI Approved :: BSD License')).toBeNull()
    expect(only('License :: OSI Approved :: Apache Software License')).toBeNull()
    // GPLv3 alone does not say "only" or "or later": PEP 639 forbids inferring either.
    expect(only('License :: OSI Approved :: GNU General Public License v3 (GPLv3)')).toBeNull()
    expect(only('License :: Public Domain')).toBeNull()
    expect(only('License :: OSI Approved')).toBeNull()
  })

  test('a parent classifier is ignored, but two licenses are ambiguous', () => {
    expect(
      classifierSpdx(['License :: OSI Approved', 'License :: OSI Approved :: ISC License (ISCL)'])
        .spdx
    ).toBe('ISC')
    expect(
      classifierSpdx([
        'License :: OSI Approved :: MIT License',
        'License :: OSI Approved :: Python Software Foundation License'
      ]).spdx
    ).toBeNull()
    expect(deriveSpdx(fixture('classifiers')).spdx).toBeNull()
  })

  test("an ambiguous classifier gets spdx-correct's guess as a suggestion only", () => {
    expect(
      deriveSpdx(
        { classifiers: ['License :: OSI Approved :: Apache Software License'] },
        suggestSpdx
      )
    ).toEqual({
      spdx: null,
      basis: null,
      suggestion: 'Apache-2.0'
    })
  })

  test('the License field: an SPDX expression, a known common name, or nothing certain', () => {
    expect(deriveSpdx({ license: 'MIT OR Apache-2.0', classifiers: [] })).toEqual({
      spdx: 'MIT OR Apache-2.0',
      basis: 'license'
    })
    expect(deriveSpdx(fixture('license-field'))).toEqual({ spdx: 'Apache-2.0', basis: 'license' })
    expect(deriveSpdx({ license: 'Modified  BSD License', classifiers: [] }).spdx).toBe(
      'BSD-3-Clause'
    )
    expect(deriveSpdx({ license: 'BSD', classifiers: [] }, suggestSpdx)).toEqual({
      spdx: null,
      basis: null,
      suggestion: 'BSD-2-Clause'
    })
    expect(deriveSpdx(fixture('osi-only')).spdx).toBe('GPL-3.0-or-later')
    expect(deriveSpdx(fixture('none'))).toEqual({ spdx: null, basis: null })
  })

  test('the License field and a classifier that disagree make it unknown; agreeing ones are fine', () => {
    const mit = 'License :: OSI Approved :: MIT License'
    expect(deriveSpdx({ license: 'BSD-3-Clause', classifiers: [mit] }).spdx).toBeNull()
    expect(deriveSpdx({ license: 'MIT', classifiers: [mit] })).toEqual({
      spdx: 'MIT',
      basis: 'license'
    })
    expect(
      deriveSpdx({
        license: 'BSD-2-Clause',
        classifiers: ['License :: OSI Approved :: BSD License']
      }).spdx
    ).toBe('BSD-2-Clause')
  })

  test('a whole license text is recognised by its fingerprint', () => {
    expect(deriveSpdx(fixture('license-text'))).toEqual({
      spdx: 'BSD-3-Clause',
      basis: 'license-text'
    })
  })

  test('a text holding several licenses overrides a single classifier: unknown', () => {
    const text = `All of it is MIT licensed, some files come from Python.\n\n${MIT_TEXT}\n\nPYTHON SOFTWARE FOUNDATION LICENSE VERSION 2\n...`
    expect(recogniseLicenseText(text)!.families).toEqual(['MIT', 'PSF'])
    expect(
      deriveSpdx({ license: text, classifiers: ['License :: OSI Approved :: MIT License'] }).spdx
    ).toBeNull()
  })

  test('every identifier in the tables is a valid, current SPDX license id', () => {
    for (const id of [...CLASSIFIER_SPDX.values(), ...LICENSE_FIELD_SPDX.values()]) {
      expect(parse(id)).toEqual({ license: id })
      // spdx-correct returns a current id unchanged and upgrades a deprecated one (GPL-3.0).
      expect(correct(id, { upgrade: true })).toBe(id)
    }
    expect(correct('GPL-3.0', { upgrade: true })).not.toBe('GPL-3.0')
  })
})

const MIT_TEXT = `MIT License

Copyright (c) 2024 Example

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction.

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.`

describe('whole license texts', () => {
  test('the common texts are told apart, variants included', () => {
    expect(recogniseLicenseText(MIT_TEXT)).toEqual({
      spdx: 'MIT',
      families: ['MIT'],
      lines: 10,
      chars: MIT_TEXT.length
    })
    const bsd2 =
      'Copyright (c) Example\n\nRedistribution and use in source and binary forms, with or without\nmodification, are permitted provided that:\n2. Redistributions in binary form must reproduce the above copyright notice'
    expect(recogniseLicenseText(bsd2)!.spdx).toBe('BSD-2-Clause')
    const apache =
      'Copyright 2020 Example\n\nLicensed under the Apache License, Version 2.0 (the "License");\nyou may not use this file except in compliance with the License.'
    expect(recogniseLicenseText(apache)!.spdx).toBe('Apache-2.0')
    const gpl =
      'GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n\nEveryone is permitted to copy and distribute verbatim copies'
    expect(recogniseLicenseText(gpl)).toMatchObject({ spdx: null, families: ['GPL'] })
  })

  test('a short single-line value is a name, not a text', () => {
    expect(recogniseLicenseText('MIT')).toBeNull()
  })

  test('display shortens a text to its first line and never prints it whole', () => {
    const { text: full } = selectLicense(fixture('license-text'), 'meta')
    const shown = displayLicense(full)
    expect(shown).toEqual({
      text: 'BSD 3-Clause License … (license text, 24 lines)',
      shortened: true
    })
    expect(displayLicense('MIT License')).toEqual({ text: 'MIT License', shortened: false })
  })

  test('display never lets untrusted text start a line of its own', () => {
    const hostile = '::error::owned\n::set-output name=x::y'
    const shown = displayLicense(hostile)
    expect(shown).toEqual({ text: '::error::owned … (license text, 2 lines)', shortened: true })
    expect(displayLicense('MIT\u001b[31m\ttab').text).toBe('MIT [31m tab')
    const long = 'x'.repeat(500)
    expect(displayLicense(long).text).toBe(`${'x'.repeat(79)}… (license text, 500 characters)`)
  })
})
