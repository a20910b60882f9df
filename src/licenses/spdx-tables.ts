/**
 * Explicit mappings from legacy license metadata to SPDX identifiers. Only mappings that are
 * facts are listed; anything else stays unknown (null), never guessed.
 *
 * Classifiers follow PEP 639's "Appendix: Mapping License Classifiers to SPDX Identifiers":
 * single-license classifiers map to their identifier, but the classifiers it lists as
 * ambiguous (no version or variant: "Apache Software License", "BSD License", "GNU General
 * Public License v3 (GPLv3)" - v3 only or v3 or later? - ...) MUST NOT be turned into an
 * expression, and neither may the generic ones ("OSI Approved", "Public Domain",
 * "Other/Proprietary License", "Freeware", ...). Those are simply absent from the table.
 */

/** Full classifier -> SPDX identifier, for the unambiguous license classifiers. */
export const CLASSIFIER_SPDX: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'License :: Aladdin Free Public License (AFPL)': 'Aladdin',
    'License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication': 'CC0-1.0',
    'License :: CeCILL-B Free Software License Agreement (CECILL-B)': 'CECILL-B',
    'License :: CeCILL-C Free Software License Agreement (CECILL-C)': 'CECILL-C',
    'License :: Nokia Open Source License (NOKOS)': 'Nokia',
    'License :: OSI Approved :: Attribution Assurance License': 'AAL',
    'License :: OSI Approved :: Blue Oak Model License (BlueOak-1.0.0)': 'BlueOak-1.0.0',
    'License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
    'License :: OSI Approved :: CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)':
      'CECILL-2.1',
    'License :: OSI Approved :: Common Development and Distribution License 1.0 (CDDL-1.0)':
      'CDDL-1.0',
    'License :: OSI Approved :: Common Public License': 'CPL-1.0',
    'License :: OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)': 'EPL-1.0',
    'License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)': 'EPL-2.0',
    'License :: OSI Approved :: Educational Community License, Version 2.0 (ECL-2.0)': 'ECL-2.0',
    'License :: OSI Approved :: European Union Public Licence 1.0 (EUPL 1.0)': 'EUPL-1.0',
    'License :: OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)': 'EUPL-1.1',
    'License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)': 'EUPL-1.2',
    'License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)':
      'AGPL-3.0-or-later',
    'License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)':
      'GPL-2.0-or-later',
    'License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)':
      'GPL-3.0-or-later',
    'License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)':
      'LGPL-3.0-or-later',
    'License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)': 'HPND',
    'License :: OSI Approved :: IBM Public License': 'IPL-1.0',
    'License :: OSI Approved :: ISC License (ISCL)': 'ISC',
    'License :: OSI Approved :: Intel Open Source License': 'Intel',
    'License :: OSI Approved :: MIT License': 'MIT',
    'License :: OSI Approved :: MIT No Attribution License (MIT-0)': 'MIT-0',
    'License :: OSI Approved :: MirOS License (MirOS)': 'MirOS',
    'License :: OSI Approved :: Motosoto License': 'Motosoto',
    'License :: OSI Approved :: Mozilla Public License 1.0 (MPL)': 'MPL-1.0',
    'License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)': 'MPL-1.1',
    'License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
    'License :: OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)':
      'MulanPSL-2.0',
    'License :: OSI Approved :: Nethack General Public License': 'NGPL',
    'License :: OSI Approved :: Nokia Open Source License': 'Nokia',
    'License :: OSI Approved :: Open Group Test Suite License': 'OGTSL',
    'License :: OSI Approved :: Open Software License 3.0 (OSL-3.0)': 'OSL-3.0',
    'License :: OSI Approved :: PostgreSQL License': 'PostgreSQL',
    'License :: OSI Approved :: Python License (CNRI Python License)': 'CNRI-Python',
    'License :: OSI Approved :: Python Software Foundation License': 'PSF-2.0',
    'License :: OSI Approved :: Qt Public License (QPL)': 'QPL-1.0',
    'License :: OSI Approved :: Ricoh Source Code Public License': 'RSCPL',
    'License :: OSI Approved :: SIL Open Font License 1.1 (OFL-1.1)': 'OFL-1.1',
    'License :: OSI Approved :: Sleepycat License': 'Sleepycat',
    'License :: OSI Approved :: Sun Industry Standards Source License (SISSL)': 'SISSL',
    'License :: OSI Approved :: Sun Public License': 'SPL-1.0',
    'License :: OSI Approved :: The Unlicense (Unlicense)': 'Unlicense',
    'License :: OSI Approved :: Universal Permissive License (UPL)': 'UPL-1.0',
    'License :: OSI Approved :: University of Illinois/NCSA Open Source License': 'NCSA',
    'License :: OSI Approved :: Vovida Software License 1.0': 'VSL-1.0',
    'License :: OSI Approved :: W3C License': 'W3C',
    'License :: OSI Approved :: X.Net License': 'Xnet',
    'License :: OSI Approved :: Zero-Clause BSD (0BSD)': '0BSD',
    'License :: OSI Approved :: zlib/libpng License': 'Zlib'
  })
)

/**
 * Common free-text values of the legacy `License` field (compared case-insensitively, with
 * runs of whitespace collapsed) -> SPDX identifier. A value that already is a valid SPDX
 * expression needs no entry. Versionless names ("BSD", "GPL", "Apache", "GPLv3") are absent
 * for the same reason as the ambiguous classifiers.
 */
export const LICENSE_FIELD_SPDX: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'mit license': 'MIT',
    'the mit license': 'MIT',
    'the mit license (mit)': 'MIT',
    'mit licence': 'MIT',
    expat: 'MIT',
    'mit-0': 'MIT-0',
    'apache 2': 'Apache-2.0',
    'apache 2.0': 'Apache-2.0',
    'apache-2': 'Apache-2.0',
    'apache v2': 'Apache-2.0',
    'apache v2.0': 'Apache-2.0',
    apache2: 'Apache-2.0',
    'apache license 2.0': 'Apache-2.0',
    'apache license v2.0': 'Apache-2.0',
    'apache license, version 2.0': 'Apache-2.0',
    'apache license version 2.0': 'Apache-2.0',
    'apache license (2.0)': 'Apache-2.0',
    'apache software license 2.0': 'Apache-2.0',
    'apache software license, version 2.0': 'Apache-2.0',
    'asl 2': 'Apache-2.0',
    'asl 2.0': 'Apache-2.0',
    'bsd 2-clause': 'BSD-2-Clause',
    'bsd 2-clause license': 'BSD-2-Clause',
    '2-clause bsd': 'BSD-2-Clause',
    '2-clause bsd license': 'BSD-2-Clause',
    'simplified bsd': 'BSD-2-Clause',
    'simplified bsd license': 'BSD-2-Clause',
    'freebsd license': 'BSD-2-Clause',
    'bsd 3-clause': 'BSD-3-Clause',
    'bsd 3-clause license': 'BSD-3-Clause',
    '3-clause bsd': 'BSD-3-Clause',
    '3-clause bsd license': 'BSD-3-Clause',
    'new bsd': 'BSD-3-Clause',
    'new bsd license': 'BSD-3-Clause',
    'modified bsd': 'BSD-3-Clause',
    'modified bsd license': 'BSD-3-Clause',
    'revised bsd license': 'BSD-3-Clause',
    'isc license': 'ISC',
    'isc license (iscl)': 'ISC',
    iscl: 'ISC',
    'mpl 2.0': 'MPL-2.0',
    mpl2: 'MPL-2.0',
    'mozilla public license 2.0': 'MPL-2.0',
    'mozilla public license 2.0 (mpl 2.0)': 'MPL-2.0',
    psf: 'PSF-2.0',
    'psf license': 'PSF-2.0',
    'psf-2.0': 'PSF-2.0',
    'python software foundation license': 'PSF-2.0',
    'gplv2+': 'GPL-2.0-or-later',
    'gplv3+': 'GPL-3.0-or-later',
    'lgplv3+': 'LGPL-3.0-or-later',
    'agplv3+': 'AGPL-3.0-or-later',
    'the unlicense': 'Unlicense',
    'cc0 1.0 universal': 'CC0-1.0',
    cc0: 'CC0-1.0',
    'zlib/libpng license': 'Zlib',
    'zlib license': 'Zlib'
  })
)
