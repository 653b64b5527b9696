// Indonesian (Bahasa Indonesia) locale for Decap CMS.
//
// Offered for upstream decap-cms-locales as `id`: this file is written to go unchanged into
// packages/decap-cms-locales/src/id/index.js (with `export { default as id } from './id';` in src/index.js).
// It has exactly the keys of the English source (decap-cms-locales 3.8.2, the copy that decap-cms 3.16.3 bundles)
// and keeps every placeholder (%{...}) as it is. Register it with `CMS.registerLocale('id', id)` and set
// `locale: 'id'` in the configuration.
//
// Words: "entry" is "entri" (KBBI); "collection" is "koleksi"; "file" is "berkas"; "publish" is "terbitkan";
// "note" is "catatan"; "preview" is "pratinjau"; "backend", "URL", "widget" and "Markdown" stay as they are.
// The user is addressed as "Anda".
//
// Where the Indonesian differs in meaning from the English source, and why:
// - Workflow statuses: "Draft" / "In review" / "Ready" are "Draf" / "Sedang ditinjau" / "Siap terbit".
//   "Siap terbit" says "ready to be published": a bare "Siap" ("ready") does not say for what.
//   The column headers ("Drafts", "In Review", "Ready") take the same words.
// - "Editorial Workflow" is "Alur kerja penyuntingan" ("editing workflow"): Indonesian "redaksi" would name a
//   newsroom, which most users of the form are not. The header's "Workflow" is "Alur kerja".
// - "New Post" (workflow board) is "Entri baru" ("new entry"): Decap calls the same thing an entry everywhere else.
// - "Contents" (header) is "Isi" ("content"), the usual word for a site's content.
// - "Published" is "Sudah terbit" ("already published"); "Unpublish" is "Batalkan penerbitan" ("cancel the
//   publication"), the usual way to say that something published is withdrawn.
// - "optional" (after a field's label) is "tidak wajib" ("not required"): what Decap means (required: false), and
//   plainer than the loan word "opsional".
// - "No Entries" is "Belum ada entri" ("no entries yet").
// - workflow.workflow.dateFormat: 'MMMM D' (a month name) is 'DD/MM/YYYY', the Indonesian numeric date. Decap
//   formats this date with dayjs in its default English locale, so a month name would be shown in English.
// - Plurals: Indonesian has one form and Polyglot gives `id` one form, so the strings with "||||"
//   (workflow.workflow.description, workflow.workflowList.currentEntries) have one form here.
// - "Toggle preview" and the other toggles are "Tampilkan/sembunyikan …" ("show/hide …").
// - toast.missingRequiredField drops "Oops"; errorBoundary.reportIt "open an issue on GitHub" is "laporkan
//   masalahnya di GitHub" ("report the problem on GitHub").
// - "Caching Entries..." is "Menyimpan sementara entri..." ("storing entries for a while"), without the loan word
//   "cache".
// - "View Live" is "Lihat di situs" ("view on the site").
const id = {
  auth: {
    login: 'Masuk',
    loggingIn: 'Sedang masuk...',
    loginWithNetlifyIdentity: 'Masuk dengan Netlify Identity',
    loginWithAzure: 'Masuk dengan Azure',
    loginWithBitbucket: 'Masuk dengan Bitbucket',
    loginWithGitHub: 'Masuk dengan GitHub',
    loginWithGitLab: 'Masuk dengan GitLab',
    loginWithGitea: 'Masuk dengan Gitea',
    loginWithForgejo: 'Masuk dengan Forgejo',
    errors: {
      email: 'Pastikan Anda sudah mengisi email.',
      password: 'Silakan isi kata sandi Anda.',
      identitySettings:
        'Pengaturan identitas tidak dapat dibuka. Jika memakai backend git-gateway, pastikan layanan Identity dan Git Gateway sudah diaktifkan.',
    },
  },
  app: {
    header: {
      content: 'Isi',
      workflow: 'Alur kerja',
      media: 'Media',
      quickAdd: 'Tambah cepat',
    },
    app: {
      errorHeader: 'Gagal memuat konfigurasi CMS',
      configErrors: 'Kesalahan konfigurasi',
      checkConfigYml: 'Periksa berkas config.yml Anda.',
      loadingConfig: 'Memuat konfigurasi...',
      waitingBackend: 'Menunggu backend...',
    },
    notFoundPage: {
      header: 'Tidak ditemukan',
    },
  },
  collection: {
    sidebar: {
      collections: 'Koleksi',
      allCollections: 'Semua koleksi',
      searchAll: 'Cari di semua koleksi',
      searchIn: 'Cari di',
    },
    collectionTop: {
      sortBy: 'Urutkan menurut',
      viewAs: 'Tampilkan sebagai',
      viewAsList: 'Tampilan daftar',
      viewAsGrid: 'Tampilan kisi',
      newButton: '＋ %{collectionLabel}',
      newButtonAriaLabel: 'Buat entri baru jenis %{collectionLabel}',
      ascending: 'Naik',
      descending: 'Turun',
      searchResults: 'Hasil pencarian "%{searchTerm}"',
      searchResultsInCollection: 'Hasil pencarian "%{searchTerm}" di %{collection}',
      filterBy: 'Saring menurut',
      groupBy: 'Kelompokkan menurut',
    },
    entries: {
      loadingEntries: 'Memuat entri...',
      cachingEntries: 'Menyimpan sementara entri...',
      longerLoading: 'Ini bisa memakan waktu beberapa menit',
      noEntries: 'Belum ada entri',
      unpublishedHeader: 'Entri yang belum terbit',
    },
    groups: {
      other: 'Lainnya',
      negateLabel: 'Bukan %{label}',
    },
    defaultFields: {
      author: {
        label: 'Penulis',
      },
      updatedOn: {
        label: 'Diperbarui pada',
      },
    },
  },
  editor: {
    editorControl: {
      field: {
        optional: 'tidak wajib',
        widgetLabel: 'Kolom %{widgetLabel}',
      },
    },
    editorControlPane: {
      widget: {
        required: '%{fieldLabel} wajib diisi.',
        regexPattern: '%{fieldLabel} tidak sesuai pola: %{pattern}.',
        processing: '%{fieldLabel} sedang diproses.',
        range: '%{fieldLabel} harus antara %{minValue} dan %{maxValue}.',
        min: '%{fieldLabel} paling sedikit %{minValue}.',
        max: '%{fieldLabel} paling banyak %{maxValue}.',
        rangeCount: '%{fieldLabel} harus berisi %{minCount} sampai %{maxCount} butir.',
        rangeCountExact: '%{fieldLabel} harus berisi tepat %{count} butir.',
        rangeMin: '%{fieldLabel} harus berisi paling sedikit %{minCount} butir.',
        rangeMax: '%{fieldLabel} harus berisi paling banyak %{maxCount} butir.',
        invalidPath: `'%{path}' bukan jalur yang sah`,
        pathExists: `Jalur '%{path}' sudah ada`,
      },
      i18n: {
        writingInLocale: 'Menulis dalam bahasa %{locale}',
        copyFromLocale: 'Isi dari bahasa lain',
        copyFromLocaleConfirm:
          'Isi data dari bahasa %{locale}?\nSemua isi yang sudah ada akan ditimpa.',
      },
    },
    editor: {
      onLeavePage: 'Yakin ingin meninggalkan halaman ini?',
      onUpdatingWithUnsavedChanges:
        'Ada perubahan yang belum disimpan. Simpan dulu sebelum mengubah status.',
      onPublishingNotReady: 'Ubah status menjadi "Siap terbit" sebelum menerbitkan.',
      onPublishingWithUnsavedChanges:
        'Ada perubahan yang belum disimpan. Simpan dulu sebelum menerbitkan.',
      onPublishing: 'Yakin ingin menerbitkan entri ini?',
      onUnpublishing: 'Yakin ingin membatalkan penerbitan entri ini?',
      onDeleteWithUnsavedChanges:
        'Yakin ingin menghapus entri yang sudah terbit ini, beserta perubahan yang belum disimpan di sesi ini?',
      onDeletePublishedEntry: 'Yakin ingin menghapus entri yang sudah terbit ini?',
      onDeleteUnpublishedChangesWithUnsavedChanges:
        'Semua perubahan entri ini yang belum terbit akan dihapus, beserta perubahan yang belum disimpan di sesi ini. Tetap hapus?',
      onDeleteUnpublishedChanges:
        'Semua perubahan entri ini yang belum terbit akan dihapus. Tetap hapus?',
      loadingEntry: 'Memuat entri...',
      confirmLoadBackup: 'Ada cadangan lokal untuk entri ini. Pakai cadangan itu?',
    },
    editorInterface: {
      toggleI18n: 'Tampilkan/sembunyikan terjemahan',
      togglePreview: 'Tampilkan/sembunyikan pratinjau',
      toggleScrollSync: 'Selaraskan gulir',
      toggleNotes: 'Tampilkan/sembunyikan catatan',
    },
    editorNotesPane: {
      title: 'Catatan',
      emptyState: 'Belum ada catatan. Tulis catatan pertama di bawah untuk mulai bekerja sama.',
      addNote: 'Tambah catatan',
      addPlaceholder: 'Tulis catatan...',
      editPlaceholder: 'Ubah catatan Anda...',
      save: 'Simpan',
      cancel: 'Batal',
      edit: 'Ubah',
      delete: 'Hapus',
      resolve: 'Selesaikan',
      unresolve: 'Buka lagi',
      confirmDelete: 'Yakin ingin menghapus catatan ini?',
      shortcut: 'Kiat: tekan Ctrl+Enter untuk menambah catatan dengan cepat',
    },
    editorToolbar: {
      publishing: 'Menerbitkan...',
      publish: 'Terbitkan',
      published: 'Sudah terbit',
      unpublish: 'Batalkan penerbitan',
      duplicate: 'Gandakan',
      unpublishing: 'Membatalkan penerbitan...',
      publishAndCreateNew: 'Terbitkan dan buat baru',
      publishAndDuplicate: 'Terbitkan dan gandakan',
      deleteUnpublishedChanges: 'Hapus perubahan yang belum terbit',
      deleteUnpublishedEntry: 'Hapus entri yang belum terbit',
      deletePublishedEntry: 'Hapus entri yang sudah terbit',
      deleteEntry: 'Hapus entri',
      saving: 'Menyimpan...',
      save: 'Simpan',
      statusInfoTooltipDraft:
        'Status entri ini draf. Untuk menyelesaikannya dan mengajukannya untuk ditinjau, ubah statusnya menjadi ‘Sedang ditinjau’',
      statusInfoTooltipInReview:
        'Entri ini sedang ditinjau; tidak perlu tindakan lain. Anda tetap dapat mengubahnya selama ditinjau.',
      deleting: 'Menghapus...',
      updating: 'Memperbarui...',
      status: 'Status: %{status}',
      backCollection: ' Menulis di koleksi %{collectionLabel}',
      unsavedChanges: 'Perubahan belum disimpan',
      changesSaved: 'Perubahan tersimpan',
      draft: 'Draf',
      inReview: 'Sedang ditinjau',
      ready: 'Siap terbit',
      publishNow: 'Terbitkan sekarang',
      deployPreviewPendingButtonLabel: 'Periksa pratinjau',
      deployPreviewButtonLabel: 'Lihat pratinjau',
      deployButtonLabel: 'Lihat di situs',
    },
    editorWidgets: {
      markdown: {
        bold: 'Tebal',
        italic: 'Miring',
        strikethrough: 'Coret',
        code: 'Kode',
        link: 'Tautan',
        linkPrompt: 'Masukkan URL tautan',
        headings: 'Judul',
        quote: 'Kutipan',
        bulletedList: 'Daftar berbutir',
        numberedList: 'Daftar bernomor',
        addComponent: 'Tambah komponen',
        richText: 'Teks berformat',
        markdown: 'Markdown',
        toggleMode: {
          rich: 'Beralih ke mode teks berformat',
          markdown: 'Beralih ke mode Markdown',
        },
      },
      image: {
        choose: 'Pilih gambar',
        chooseMultiple: 'Pilih beberapa gambar',
        chooseUrl: 'Sisipkan dari URL',
        replaceUrl: 'Ganti dengan URL',
        promptUrl: 'Masukkan URL gambar',
        chooseDifferent: 'Pilih gambar lain',
        addMore: 'Tambah gambar',
        remove: 'Hapus gambar',
        removeAll: 'Hapus semua gambar',
      },
      file: {
        choose: 'Pilih berkas',
        chooseUrl: 'Sisipkan dari URL',
        chooseMultiple: 'Pilih beberapa berkas',
        replaceUrl: 'Ganti dengan URL',
        promptUrl: 'Masukkan URL berkas',
        chooseDifferent: 'Pilih berkas lain',
        addMore: 'Tambah berkas',
        remove: 'Hapus berkas',
        removeAll: 'Hapus semua berkas',
      },
      unknownControl: {
        noControl: "Tidak ada kontrol untuk widget '%{widget}'.",
      },
      unknownPreview: {
        noPreview: "Tidak ada pratinjau untuk widget '%{widget}'.",
      },
      headingOptions: {
        headingOne: 'Judul 1',
        headingTwo: 'Judul 2',
        headingThree: 'Judul 3',
        headingFour: 'Judul 4',
        headingFive: 'Judul 5',
        headingSix: 'Judul 6',
      },
      datetime: {
        now: 'Sekarang',
        clear: 'Kosongkan',
        setToNow: 'Isi %{fieldLabel} dengan waktu sekarang',
      },
      list: {
        add: 'Tambah %{item}',
        addType: 'Tambah %{item}',
      },
      object: {
        expand: 'Buka',
        collapse: 'Tutup',
      },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      draft: 'Draf',
      copy: 'Salin',
      copyUrl: 'Salin URL',
      copyPath: 'Salin jalur',
      copyName: 'Salin nama',
      copied: 'Tersalin',
    },
    mediaLibrary: {
      onDelete: 'Yakin ingin menghapus media yang dipilih?',
      fileTooLarge: 'Berkas terlalu besar.\nUkuran berkas paling besar %{size} kB.',
    },
    mediaLibraryModal: {
      loading: 'Memuat...',
      close: 'Tutup',
      noResults: 'Tidak ada hasil.',
      noAssetsFound: 'Tidak ada berkas media.',
      noImagesFound: 'Tidak ada gambar.',
      private: 'Pribadi ',
      images: 'Gambar',
      mediaAssets: 'Berkas media',
      search: 'Cari...',
      uploading: 'Mengunggah...',
      upload: 'Unggah',
      download: 'Unduh',
      deleting: 'Menghapus...',
      deleteSelected: 'Hapus yang dipilih',
      chooseSelected: 'Pakai yang dipilih',
    },
  },
  ui: {
    default: {
      goBackToSite: 'Kembali ke situs',
    },
    errorBoundary: {
      title: 'Kesalahan',
      details: 'Terjadi kesalahan - silakan ',
      reportIt: 'laporkan masalahnya di GitHub.',
      detailsHeading: 'Rincian',
      privacyWarning:
        'Laporan masalah akan terisi otomatis dengan pesan kesalahan dan data debug.\nPeriksa kebenaran isinya dan hapus data yang sensitif bila ada.',
      recoveredEntry: {
        heading: 'Dokumen yang dipulihkan',
        warning: 'Salin dan tempel isi ini ke tempat lain sebelum meninggalkan halaman!',
        copyButtonLabel: 'Salin ke papan klip',
      },
    },
    settingsDropdown: {
      logOut: 'Keluar',
      account: 'Menu akun',
    },
    toast: {
      onFailToLoadEntries: 'Gagal memuat entri: %{details}',
      onFailToLoadDeployPreview: 'Gagal memuat pratinjau: %{details}',
      onFailToPersist: 'Gagal menyimpan entri: %{details}',
      onFailToDelete: 'Gagal menghapus entri: %{details}',
      onFailToUpdateStatus: 'Gagal memperbarui status: %{details}',
      missingRequiredField: 'Ada kolom wajib yang belum diisi. Lengkapi dulu sebelum menyimpan.',
      entrySaved: 'Entri tersimpan',
      entryPublished: 'Entri diterbitkan',
      entryUnpublished: 'Penerbitan entri dibatalkan',
      onFailToPublishEntry: 'Gagal menerbitkan: %{details}',
      onFailToUnpublishEntry: 'Gagal membatalkan penerbitan entri: %{details}',
      entryUpdated: 'Status entri diperbarui',
      onDeleteUnpublishedChanges: 'Perubahan yang belum terbit dihapus',
      noteAdded: 'Catatan ditambahkan',
      onFailToAddNote: 'Gagal menambah catatan: %{details}',
      noteUpdated: 'Catatan diperbarui',
      onFailToUpdateNote: 'Gagal memperbarui catatan: %{details}',
      noteDeleted: 'Catatan dihapus',
      onFailToDeleteNote: 'Gagal menghapus catatan: %{details}',
      noteResolved: 'Catatan diselesaikan',
      noteReopened: 'Catatan dibuka lagi',
      onFailToToggleNote: 'Gagal mengubah status catatan: %{details}',
      onFailToAuth: '%{details}',
      onLoggedOut: 'Anda sudah keluar. Simpan cadangan data Anda, lalu masuk lagi',
      onBackendDown: 'Layanan backend sedang terganggu. Lihat %{details} untuk keterangan lebih lanjut',
    },
  },
  workflow: {
    workflow: {
      loading: 'Memuat entri alur kerja penyuntingan',
      workflowHeading: 'Alur kerja penyuntingan',
      newPost: 'Entri baru',
      description: '%{smart_count} entri menunggu ditinjau, %{readyCount} siap terbit.',
      dateFormat: 'DD/MM/YYYY',
    },
    workflowCard: {
      lastChange: '%{date} oleh %{author}',
      lastChangeNoAuthor: '%{date}',
      lastChangeNoDate: 'oleh %{author}',
      deleteChanges: 'Hapus perubahan',
      deleteNewEntry: 'Hapus entri baru',
      publishChanges: 'Terbitkan perubahan',
      publishNewEntry: 'Terbitkan entri baru',
    },
    workflowList: {
      onDeleteEntry: 'Yakin ingin menghapus entri ini?',
      onPublishingNotReadyEntry:
        'Hanya entri berstatus "Siap terbit" yang dapat diterbitkan. Seret kartunya ke kolom "Siap terbit" agar dapat diterbitkan.',
      onPublishEntry: 'Yakin ingin menerbitkan entri ini?',
      draftHeader: 'Draf',
      inReviewHeader: 'Sedang ditinjau',
      readyHeader: 'Siap terbit',
      currentEntries: '%{smart_count} entri',
    },
  },
};

export default id;
